package school.training.research;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.ledger.Term;

/** The research-activity facade other modules use (the term review, the observation overview). */
@Service
@Transactional(readOnly = true)
public class ResearchActivities {

    private final ResearchActivityRepository activities;
    private final ResearchSettings settings;

    ResearchActivities(ResearchActivityRepository activities, ResearchSettings settings) {
        this.activities = activities;
        this.settings = settings;
    }

    /**
     * The activities each teacher attended in the period (activity dates within it) and the requirement for a
     * term from the settings. A few queries whatever the number of teachers.
     */
    public Map<String, ActivityTally> tally(Collection<String> teachers, LocalDate from, LocalDate to) {
        Map<String, Integer> attended = new HashMap<>();
        if (!teachers.isEmpty()) {
            for (Object[] row : activities.attendedBy(teachers, from, to)) {
                attended.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        int required = required(from, to);
        Map<String, ActivityTally> tallies = new HashMap<>();
        for (String teacher : teachers) {
            tallies.put(teacher, new ActivityTally(attended.getOrDefault(teacher, 0), required));
        }
        return tallies;
    }

    /** How many activities each group held in the period (groups without any are 0), in one query. */
    public Map<String, Integer> held(Collection<String> groupIds, LocalDate from, LocalDate to) {
        Map<String, Integer> held = new HashMap<>();
        groupIds.forEach(g -> held.put(g, 0));
        if (!groupIds.isEmpty()) {
            for (Object[] row : activities.heldBy(groupIds, from, to)) {
                held.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        return held;
    }

    /** The requirement of one term (the setting {@code training.research.per-term}). */
    public int requiredPerTerm() {
        return settings.perTerm();
    }

    /** The requirement for a period: the per-term number for each term the period touches (a term: once). */
    int required(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        int terms = 0;
        for (Term term = Term.containing(from); !term.start().isAfter(to); term = term.next()) {
            terms++;
        }
        return terms * settings.perTerm();
    }
}
