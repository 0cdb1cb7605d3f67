package school.training.externalstudy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.people.Approvers;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Works out what the routing rules and the approvers need from a (re)submitted request: days away,
 * budget total, whether a group leader reviews first, and when the report-back starts. Runs in the
 * process, so a request started from Camunda's Tasklist or the REST API gets the same facts.
 */
@Component("externalStudyTripFacts")
class TripFacts implements JavaDelegate {

    static final String[] BUDGET_LINES = { "budgetTransport", "budgetLodging", "budgetFees", "budgetOther" };

    private final Approvers approvers;
    private final Directory directory;

    TripFacts(Approvers approvers, Directory directory) {
        this.approvers = approvers;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate start = LocalDate.parse((String) execution.getVariable("startDate"));
        LocalDate end = LocalDate.parse((String) execution.getVariable("endDate"));
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("endDate before startDate");
        }
        String applicant = (String) execution.getVariable("applicant");
        execution.setVariable("tripDays", (int) ChronoUnit.DAYS.between(start, end) + 1);
        // Camunda Forms submit numbers as doubles; sum them exactly and hand the engine a plain double again.
        execution.setVariable("budgetTotal", budgetTotal(execution).doubleValue());
        execution.setVariable("leaderStepNeeded", approvers.leaderStepNeeded(applicant));
        // The report-back (check-in due 23:59) starts on the morning of the trip's last day.
        execution.setVariable("reportBackStartsAt", end.atStartOfDay().toString());
        Person person = directory.find(applicant).orElse(null);
        execution.setVariable("applicantName", person == null ? applicant : person.getName());
        execution.setVariable("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
    }

    static BigDecimal budgetTotal(DelegateExecution execution) {
        BigDecimal total = BigDecimal.ZERO;
        for (String line : BUDGET_LINES) {
            Object value = execution.getVariable(line);
            if (value instanceof Number number) {
                total = total.add(new BigDecimal(number.toString()));
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
