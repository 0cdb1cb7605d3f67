package school.training.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import school.training.externalstudy.TripEnded;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * When an approved trip reaches its end date, the report-back starts for the same teacher, in the
 * same transaction as the trip's timer: it carries what the report needs from the request (approved
 * budget lines, dates, approval number) and the check-in deadline, 23:59 of the day of return.
 */
@Component
class ReportBackStarter {

    private static final List<String> CARRIED_OVER = List.of("title", "approvalNumber", "startDate", "endDate",
            "tripDays", "kind", "level", "location", "applicantName", "teachingGroupName", "budgetTransport",
            "budgetLodging", "budgetFees", "budgetOther", "budgetTotal");

    private final RuntimeService runtimeService;
    private final Directory directory;
    private final ReportingSettings settings;

    ReportBackStarter(RuntimeService runtimeService, Directory directory, ReportingSettings settings) {
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.settings = settings;
    }

    @EventListener
    void tripEnded(TripEnded trip) {
        Map<String, Object> variables = new HashMap<>(
                runtimeService.getVariables(trip.externalStudyInstanceId(), CARRIED_OVER));
        LocalDate day = trip.endDate();
        variables.put("applicant", trip.applicant());
        variables.put("externalStudyId", trip.externalStudyInstanceId());
        variables.put("teachingGroup", directory.find(trip.applicant()).map(Person::getTeachingGroup)
                .map(group -> group.getId()).orElse(null));
        variables.put("checkInDue", day.atTime(LocalTime.of(23, 59)).toString());
        variables.put("checkInReminderAt", day.atTime(settings.checkInReminderTime()).toString());
        runtimeService.startProcessInstanceByKey(ReportingProcess.KEY, trip.externalStudyInstanceId(), variables);
    }
}
