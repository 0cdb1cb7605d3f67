package school.training.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The school's teaching calendar as far as term records need it: which months of a term are taught (the
 * summer holiday is not, so a second term from February to August has five teaching months, not seven).
 * Monthly lesson plans are due for teaching months; observation quotas count teaching weeks.
 * Set in application.yml under {@code training.school-calendar}.
 */
@ConfigurationProperties("training.school-calendar")
public record SchoolCalendar(@DefaultValue({ "7", "8" }) Set<Integer> holidayMonths) {

    public SchoolCalendar {
        holidayMonths = holidayMonths == null ? Set.of(7, 8) : Set.copyOf(holidayMonths);
    }

    /** The teaching months that overlap the period, in order. */
    public List<YearMonth> teachingMonths(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            if (!holidayMonths.contains(month.getMonthValue())) {
                months.add(month);
            }
        }
        return months;
    }

    /** Whole teaching weeks in the period (both days included): its teaching days divided by seven, rounded down. */
    public int teachingWeeks(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        long days = 0;
        for (YearMonth month : teachingMonths(from, to)) {
            LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            days += ChronoUnit.DAYS.between(start, end) + 1;
        }
        return (int) (days / 7);
    }
}
