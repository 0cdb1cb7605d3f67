package school.training.externalstudy;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Service task {@code startReportBack}: announces the end of the trip; listeners run in the same transaction. */
@Component("externalStudyTripEnded")
class TripEndedPublisher implements JavaDelegate {

    private final ApplicationEventPublisher events;

    TripEndedPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new TripEnded(execution.getProcessInstanceId(), (String) execution.getVariable("applicant"),
                LocalDate.parse((String) execution.getVariable("endDate")),
                (String) execution.getVariable("approvalNumber")));
    }
}
