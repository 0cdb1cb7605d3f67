package school.training.observations;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import school.training.ledger.SchoolCalendar;
import school.training.ledger.Term;
import school.training.people.Person;

/**
 * The quota of a period: the amount per unit (from {@link ObservationSettings}) times the whole units of
 * teaching in it — teaching weeks, whole teaching months, or whole terms — so the summer holiday asks for
 * nothing and a term so far asks only for the weeks already taught.
 */
@Component
class ObservationQuotas {

    private final ObservationSettings settings;
    private final SchoolCalendar calendar;

    ObservationQuotas(ObservationSettings settings, SchoolCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    ObservationSettings.Period period() {
        return settings.period();
    }

    /** The amount for one period unit (a week, a month or a term) for this person. */
    int perUnit(Person person) {
        return person == null ? 0 : settings.amountFor(person.getRole(), person.getPost());
    }

    int quota(Person person, LocalDate from, LocalDate to) {
        return perUnit(person) * units(from, to);
    }

    /** Whole units of the period in [from, to]. */
    int units(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        return switch (settings.period()) {
            case WEEK -> calendar.teachingWeeks(from, to);
            case MONTH -> (int) calendar.teachingMonths(from, to).stream()
                    .filter(month -> !month.atDay(1).isBefore(from) && !month.atEndOfMonth().isAfter(to)).count();
            case TERM -> wholeTerms(from, to);
        };
    }

    private static int wholeTerms(LocalDate from, LocalDate to) {
        int count = 0;
        for (Term term = Term.containing(from); !term.start().isAfter(to); term = term.next()) {
            if (!term.start().isBefore(from) && !term.end().isAfter(to)) {
                count++;
            }
        }
        return count;
    }

    /** The current unit around a day: its week (Monday to Sunday), its month, or its term. */
    LocalDate[] unitAround(LocalDate day) {
        return switch (settings.period()) {
            case WEEK -> new LocalDate[] { day.minusDays(day.getDayOfWeek().getValue() - 1L),
                    day.plusDays(7L - day.getDayOfWeek().getValue()) };
            case MONTH -> new LocalDate[] { YearMonth.from(day).atDay(1), YearMonth.from(day).atEndOfMonth() };
            case TERM -> new LocalDate[] { Term.containing(day).start(), Term.containing(day).end() };
        };
    }
}
