package school.training.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.ledger.Category;
import school.training.ledger.TrainingLedger;

/**
 * Service task {@code creditTrainingHours}, once the report is accepted: the hours on the certificate,
 * or days away × the school's hours per day, go to the teacher's ledger (category outside study, or
 * enterprise placement for 企业实践), and the trip goes into the professional archive. Both are keyed
 * by this process instance, so a retried job credits nothing twice.
 */
@Component("reportingCreditHours")
class CreditHours implements JavaDelegate {

    private final TrainingLedger ledger;
    private final ProfessionalArchive archive;

    CreditHours(TrainingLedger ledger, ProfessionalArchive archive) {
        this.ledger = ledger;
        this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String teacher = (String) execution.getVariable("applicant");
        String title = (String) execution.getVariable("title");
        LocalDate returned = ReportDeadlines.returnDate(execution);
        BigDecimal hours = hours(execution);
        Category category = "enterprisePlacement".equals(execution.getVariable("kind")) ? Category.ENTERPRISE_PLACEMENT
                : Category.OUTSIDE_STUDY;
        String instance = execution.getProcessInstanceId();
        execution.setVariable("creditedHours", hours.doubleValue());
        ledger.credit(teacher, returned, category, hours, title, ReportingProcess.SOURCE, instance);
        archive.record(teacher, returned, ArchiveKind.OUTSIDE_STUDY, title, summary(execution, hours),
                ReportingProcess.SOURCE, instance);
    }

    BigDecimal hours(DelegateExecution execution) {
        Object certificate = execution.getVariable("certificateHours");
        if (certificate instanceof Number number && number.doubleValue() > 0) {
            return new BigDecimal(number.toString()).setScale(1, RoundingMode.HALF_UP);
        }
        Number days = (Number) execution.getVariable("tripDays");
        return ledger.hoursForDays(days.longValue());
    }

    private static String summary(DelegateExecution execution, BigDecimal hours) {
        return "%s–%s · %s · %s 学时 · %s".formatted(execution.getVariable("startDate"), execution.getVariable("endDate"),
                execution.getVariable("location"), hours.toPlainString(), execution.getVariable("approvalNumber"));
    }
}
