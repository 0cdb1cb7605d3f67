package school.training.ledger;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;

/**
 * A Chinese school term (学期): the first term runs from 1 September to the end of January, the second
 * from 1 February to 31 August. {@code startYear} is the first year of the school year (学年), so
 * 2026–2027 term 1 starts on 1 September 2026 and term 2 ends on 31 August 2027.
 */
public record Term(int startYear, int number) {

    public Term {
        if (number != 1 && number != 2) {
            throw new IllegalArgumentException("A school year has terms 1 and 2, not " + number);
        }
    }

    public static Term containing(LocalDate date) {
        int month = date.getMonthValue();
        if (month >= Month.SEPTEMBER.getValue()) {
            return new Term(date.getYear(), 1);
        }
        if (month == Month.JANUARY.getValue()) {
            return new Term(date.getYear() - 1, 1);
        }
        return new Term(date.getYear() - 1, 2);
    }

    public LocalDate start() {
        return number == 1 ? LocalDate.of(startYear, 9, 1) : LocalDate.of(startYear + 1, 2, 1);
    }

    public LocalDate end() {
        // the day before February starts: 28 or 29 January never matters, 31 January always exists
        return number == 1 ? LocalDate.of(startYear + 1, 1, 31) : LocalDate.of(startYear + 1, 8, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Term previous() {
        return number == 2 ? new Term(startYear, 1) : new Term(startYear - 1, 2);
    }

    public Term next() {
        return number == 1 ? new Term(startYear, 2) : new Term(startYear + 1, 1);
    }

    /** "2026–2027 学年第一学期", or "2026–2027 term 1" in English: also used outside pages (term-review names). */
    public String label(Locale locale) {
        String years = startYear + "–" + (startYear + 1);
        if (locale != null && "en".equals(locale.getLanguage())) {
            return years + " term " + number;
        }
        return years + " 学年第" + (number == 1 ? "一" : "二") + "学期";
    }

    /** The Chinese label, the school's language. */
    public String label() {
        return label(Locale.SIMPLIFIED_CHINESE);
    }
}
