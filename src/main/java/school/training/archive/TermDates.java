package school.training.archive;

import java.time.LocalDate;

/**
 * The first and last day of the school term containing a date, for the archive pages' "this term": the rule
 * of {@code ledger.Term} (1 September to 31 January, 1 February to 31 August). Written out here because the
 * ledger page shows the archive (ledger depends on archive), so archive cannot use ledger without a cycle.
 */
record TermDates(LocalDate from, LocalDate to) {

    static TermDates containing(LocalDate date) {
        int month = date.getMonthValue();
        if (month >= 9) {
            return new TermDates(LocalDate.of(date.getYear(), 9, 1), LocalDate.of(date.getYear() + 1, 1, 31));
        }
        if (month == 1) {
            return new TermDates(LocalDate.of(date.getYear() - 1, 9, 1), LocalDate.of(date.getYear(), 1, 31));
        }
        return new TermDates(LocalDate.of(date.getYear(), 2, 1), LocalDate.of(date.getYear(), 8, 31));
    }
}
