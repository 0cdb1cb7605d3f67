package school.training.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import school.training.ledger.Category;
import school.training.ledger.TrainingLedger;

/**
 * The school's yearly caps of recognised hours (DMN {@code creditRecognitionCap}: category → most hours
 * a year). The office sees the cap and what the teacher already has in the ledger when it recognises;
 * the credit applies it, so a cap changed meanwhile, or another claim credited meanwhile, still counts.
 */
@Component("recognitionCap")
public class RecognitionCap {

    private final DecisionService decisions;
    private final TrainingLedger ledger;

    RecognitionCap(DecisionService decisions, TrainingLedger ledger) {
        this.decisions = decisions;
        this.ledger = ledger;
    }

    /** The cap of a category, empty when the school sets none. */
    Optional<BigDecimal> maxHoursPerYear(Category category) {
        var result = decisions.evaluateDecisionTableByKey(CreditRecognitionProcess.CAP_DECISION,
                Variables.createVariables().putValue("category", category.name())).getFirstResult();
        Object max = result == null ? null : result.getSingleEntry();
        return max == null ? Optional.empty()
                : Optional.of(new BigDecimal(max.toString()).setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * What may still be credited this year, {@code recognised} at most: the cap less the teacher's hours of
     * the category already in the ledger for the year of {@code date}.
     */
    Capped apply(String teacher, Category category, LocalDate date, BigDecimal recognised) {
        Optional<BigDecimal> cap = maxHoursPerYear(category);
        if (cap.isEmpty()) {
            return new Capped(recognised, null, null);
        }
        BigDecimal already = ledger.hours(teacher, date.withDayOfYear(1), LocalDate.of(date.getYear(), 12, 31),
                category);
        BigDecimal room = cap.get().subtract(already).max(BigDecimal.ZERO);
        return new Capped(recognised.min(room), cap.get(), already);
    }

    /** Task listener on create of {@code officeRecognition}: the cap in words, shown on the form. */
    public void describe(DelegateTask task) {
        Category category = category(task.getVariable("category"));
        LocalDate date = date(task.getVariable("endDate"));
        Optional<BigDecimal> cap = category == null ? Optional.empty() : maxHoursPerYear(category);
        String note;
        if (cap.isEmpty() || date == null) {
            note = "本类学时不设年度上限。";
        } else {
            BigDecimal already = ledger.hours((String) task.getVariable("applicant"), date.withDayOfYear(1),
                    LocalDate.of(date.getYear(), 12, 31), category);
            note = "学校规定%s每年最多认定 %s 学时；%d 年台账中已有 %s 学时，本次最多还可计入 %s 学时，超出部分不计入台账。"
                    .formatted(ClaimFacts.CATEGORIES.getOrDefault(category.name(), category.name()),
                            cap.get().toPlainString(), date.getYear(), already.toPlainString(),
                            cap.get().subtract(already).max(BigDecimal.ZERO).setScale(1).toPlainString());
        }
        task.setVariable("capNote", note);
    }

    static Category category(Object value) {
        try {
            return value == null ? null : Category.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param hours    what is credited
     * @param cap      the category's yearly cap, null when none
     * @param already  the ledger's hours of the category that year before this credit, null when no cap
     */
    record Capped(BigDecimal hours, BigDecimal cap, BigDecimal already) {
        boolean reduced(BigDecimal recognised) {
            return hours.compareTo(recognised) < 0;
        }
    }
}
