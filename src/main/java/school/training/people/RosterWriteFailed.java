package school.training.people;

import java.util.List;

/** The directory refused a row while the import was writing; the whole import was rolled back. */
class RosterWriteFailed extends RuntimeException {

    private final int line;
    private final transient List<Problem> problems;

    RosterWriteFailed(int line, List<Problem> problems) {
        super("Roster line " + line + ": " + problems);
        this.line = line;
        this.problems = List.copyOf(problems);
    }

    int line() {
        return line;
    }

    List<Problem> problems() {
        return problems;
    }
}
