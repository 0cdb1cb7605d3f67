package school.training.people;

import java.util.List;

/** The uploaded file cannot be read as a roster (wrong type, empty, too big, formulas…); nothing was written. */
class RosterFileRefused extends RuntimeException {

    private final transient List<Problem> problems;

    RosterFileRefused(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    RosterFileRefused(String code, Object... args) {
        this(List.of(Problem.of("file", code, args)));
    }

    List<Problem> problems() {
        return problems;
    }
}
