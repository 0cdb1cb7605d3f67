package school.training.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A requirement such as "at least 15 school-based hours a term". Configured under
 * {@code training.ledger.rules}; pages name it with the message {@code ledger.rule.<id>}.
 *
 * @param categories the categories that count; empty means every category
 */
public record RequirementRule(String id, Period period, Set<Category> categories, BigDecimal minimumHours) {

    public RequirementRule {
        if (id == null || id.isBlank() || period == null || minimumHours == null || minimumHours.signum() < 0) {
            throw new IllegalArgumentException("A ledger rule needs an id, a period and minimum hours >= 0: " + id);
        }
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(categories);
    }

    /** The categories to sum: all of them when the rule names none. */
    Set<Category> countedCategories() {
        return categories.isEmpty() ? EnumSet.allOf(Category.class) : EnumSet.copyOf(categories);
    }

    /** The stretch of time a rule looks at, as seen from a given day. */
    public enum Period {
        TERM, YEAR,
        /** Five calendar years: this one and the four before it. */
        FIVE_YEARS;

        public LocalDate from(LocalDate today) {
            return switch (this) {
                case TERM -> Term.containing(today).start();
                case YEAR -> today.withDayOfYear(1);
                case FIVE_YEARS -> today.withDayOfYear(1).minusYears(4);
            };
        }

        public LocalDate to(LocalDate today) {
            return switch (this) {
                case TERM -> Term.containing(today).end();
                case YEAR, FIVE_YEARS -> LocalDate.of(today.getYear(), 12, 31);
            };
        }
    }
}
