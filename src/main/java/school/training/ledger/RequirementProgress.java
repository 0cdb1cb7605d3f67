package school.training.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** How far a teacher is with one rule over the period that contains a given day. */
public record RequirementProgress(RequirementRule rule, LocalDate from, LocalDate to, BigDecimal required,
        BigDecimal achieved, boolean met, BigDecimal remaining, int percent) {

    static RequirementProgress of(RequirementRule rule, LocalDate from, LocalDate to, BigDecimal achieved) {
        BigDecimal required = rule.minimumHours();
        boolean met = achieved.compareTo(required) >= 0;
        BigDecimal remaining = met ? BigDecimal.ZERO.setScale(1) : required.subtract(achieved).setScale(1, RoundingMode.HALF_UP);
        int percent = required.signum() == 0 ? 100
                : achieved.multiply(BigDecimal.valueOf(100)).divide(required, 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
        return new RequirementProgress(rule, from, to, required, achieved, met, remaining, percent);
    }
}
