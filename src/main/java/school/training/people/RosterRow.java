package school.training.people;

import java.util.List;

/**
 * One row of the preview: its line in the file, what the import will do with it, the details it will write
 * (empty cells of a known person already filled with what is recorded), the columns that change and every
 * problem found. A row with problems is never written, and neither is any other row of its file.
 */
record RosterRow(int line, Action action, StaffDetails details, String groupName, List<RosterColumn> changed,
        List<Problem> problems) {

    enum Action {
        ADD, UPDATE, UNCHANGED
    }

    /** Public, as every method the preview page calls. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** What is compared between the preview the office saw and the import it confirmed. */
    Planned planned() {
        return new Planned(line, action, details);
    }

    record Planned(int line, Action action, StaffDetails details) implements java.io.Serializable {
    }
}
