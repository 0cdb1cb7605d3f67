package school.training.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.ledger.Category;
import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.records.RequestRecords;

/**
 * Service task {@code creditHours}, after the office recognised the claim: the hours the office's step
 * recorded, capped by the school's yearly cap, go to the teacher's ledger on the certificate's end date.
 * Keyed by this process instance, so a retried job credits nothing twice; the result (hours credited,
 * whether the cap cut them) stays on the request as {@code creditedHours} and {@code creditNote}.
 */
@Component("recognitionCreditHours")
class CreditHours implements JavaDelegate {

    private final TrainingLedger ledger;
    private final RequestRecords records;
    private final RecognitionCap cap;

    CreditHours(TrainingLedger ledger, RequestRecords records, RecognitionCap cap) {
        this.ledger = ledger;
        this.records = records;
        this.cap = cap;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the recorded facts: the claim as last submitted, the hours as the office's step recorded them
        String instance = execution.getProcessInstanceId();
        Map<String, Object> facts = records.facts(instance);
        String teacher = records.applicant(instance).orElse((String) execution.getVariable("applicant"));
        Category category = RecognitionCap.category(facts.get("category"));
        LocalDate date = RecognitionCap.date(facts.get("endDate"));
        BigDecimal recognised = new BigDecimal(facts.get("recognisedHours").toString());
        var existing = ledger.entryFor(CreditRecognitionProcess.SOURCE, instance, teacher);
        if (existing.isPresent()) {
            execution.setVariable("creditedHours", existing.get().getHours().doubleValue());
            return; // credited already (a retry)
        }
        RecognitionCap.Capped capped = cap.apply(teacher, category, date, recognised);
        if (capped.cap() != null) {
            execution.setVariable("capHours", capped.cap().doubleValue());
        }
        String note;
        if (capped.hours().signum() > 0) {
            LedgerEntry entry = ledger.credit(teacher, date, category, capped.hours(), (String) facts.get("course"),
                    CreditRecognitionProcess.SOURCE, instance);
            execution.setVariable("creditedHours", entry.getHours().doubleValue());
            note = capped.reduced(recognised)
                    ? "认定 %s 学时，受年度上限 %s 学时限制，计入台账 %s 学时。".formatted(recognised.toPlainString(),
                            capped.cap().toPlainString(), entry.getHours().toPlainString())
                    : "计入台账 %s 学时。".formatted(entry.getHours().toPlainString());
        } else {
            execution.setVariable("creditedHours", 0.0);
            note = "认定 %s 学时，但本年度已达上限 %s 学时，未计入台账。".formatted(recognised.toPlainString(),
                    capped.cap().toPlainString());
        }
        execution.setVariable("creditNote", note);
    }
}
