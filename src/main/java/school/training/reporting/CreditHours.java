package school.training.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.ledger.Category;
import school.training.ledger.TrainingLedger;
import school.training.web.LocalisedText;

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

    private final RequestRecords records;

    CreditHours(TrainingLedger ledger, ProfessionalArchive archive, RequestRecords records) {
        this.ledger = ledger;
        this.archive = archive;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the recorded facts: the trip as approved, the hours as the accepted report states them
        String instance = execution.getProcessInstanceId();
        Map<String, Object> facts = records.facts(instance);
        String teacher = records.applicant(instance).orElse((String) execution.getVariable("applicant"));
        String title = (String) facts.get("title");
        LocalDate returned = ReportDeadlines.returnDate(execution);
        BigDecimal hours = hours(facts);
        Category category = "enterprisePlacement".equals(facts.get("kind")) ? Category.ENTERPRISE_PLACEMENT
                : Category.OUTSIDE_STUDY;
        execution.setVariable("creditedHours", hours.doubleValue());
        ledger.credit(teacher, returned, category, hours, title, ReportingProcess.SOURCE, instance);
        archive.record(teacher, returned, ArchiveKind.OUTSIDE_STUDY, title, summary(facts, hours),
                ReportingProcess.SOURCE, instance);
    }

    BigDecimal hours(Map<String, Object> facts) {
        Object certificate = facts.get("certificateHours");
        if (certificate instanceof Number number && number.doubleValue() > 0) {
            return new BigDecimal(number.toString()).setScale(1, RoundingMode.HALF_UP);
        }
        Number days = (Number) facts.get("tripDays");
        return ledger.hoursForDays(days.longValue());
    }

    private static String summary(Map<String, Object> facts, BigDecimal hours) {
        return LocalisedText.of("archive.outsideStudy.summary", facts.get("startDate"), facts.get("endDate"),
                facts.get("location"), hours.toPlainString(), facts.get("approvalNumber"));
    }
}
