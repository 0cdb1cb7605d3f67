package school.training.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code setReportDeadline}: the study report is due a set number of days after the
 * teacher actually came back (a changed return date moves it); a report sent back for revision gets
 * the same number of days from today. Reminder the day before, at the same time.
 */
@Component("reportingDeadlines")
class ReportDeadlines implements JavaDelegate {

    private final ReportingSettings settings;
    private final Clock clock;

    ReportDeadlines(ReportingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean revision = "revise".equals(execution.getVariable("reviewDecision"));
        LocalDate from = revision ? LocalDate.now(clock) : returnDate(execution);
        execution.setVariable("returnDate", returnDate(execution).toString());
        LocalDate due = from.plusDays(settings.reportDueDays());
        execution.setVariable("reportDue", due.atTime(LocalTime.of(23, 59)).toString());
        execution.setVariable("reportReminderAt", due.minusDays(1).atTime(settings.checkInReminderTime()).toString());
    }

    static LocalDate returnDate(DelegateExecution execution) {
        Object changed = execution.getVariable("actualReturnDate");
        if ("changed".equals(execution.getVariable("checkInStatus")) && changed != null) {
            return LocalDate.parse(changed.toString());
        }
        return LocalDate.parse((String) execution.getVariable("endDate"));
    }
}
