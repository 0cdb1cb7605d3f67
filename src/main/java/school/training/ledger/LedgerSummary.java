package school.training.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A teacher's ledger at a glance: totals this term and this calendar year, and progress per rule. */
public record LedgerSummary(String teacherId, LocalDate today, Term term, BigDecimal termHours, int year,
        BigDecimal yearHours, List<RequirementProgress> requirements) {

    public boolean allMet() {
        return requirements.stream().allMatch(RequirementProgress::met);
    }
}
