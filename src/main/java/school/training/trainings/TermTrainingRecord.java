package school.training.trainings;

import java.util.List;

/**
 * A teacher's results in the projects closed in a term: the project ids with an excellent result and those
 * with a failed one (each project once), for the term review's attendance item.
 */
public record TermTrainingRecord(List<Long> excellent, List<Long> failed) {

    public TermTrainingRecord {
        excellent = List.copyOf(excellent);
        failed = List.copyOf(failed);
    }
}
