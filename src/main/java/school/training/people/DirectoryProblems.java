package school.training.people;

import java.util.List;

/** The office's change breaks a directory rule; nothing was written. */
public class DirectoryProblems extends RuntimeException {

    private final transient List<Problem> problems;

    public DirectoryProblems(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public DirectoryProblems(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
