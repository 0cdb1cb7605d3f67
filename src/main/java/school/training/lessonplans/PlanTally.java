package school.training.lessonplans;

import java.time.YearMonth;
import java.util.List;

/**
 * One teacher's monthly plans over a period: the teaching months due, those with an accepted plan, and the
 * missing ones (due and not accepted: never submitted, waiting for the leader, or returned and not redone).
 */
public record PlanTally(List<YearMonth> due, List<YearMonth> accepted, List<YearMonth> missing) {

    public PlanTally {
        due = List.copyOf(due);
        accepted = List.copyOf(accepted);
        missing = List.copyOf(missing);
    }

    public int missingCount() {
        return missing.size();
    }
}
