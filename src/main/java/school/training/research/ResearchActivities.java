package school.training.research;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The research-activity facade other modules use (the term review). */
@Service
@Transactional(readOnly = true)
public class ResearchActivities {

    /**
     * The activities each teacher attended in the period (activity dates within it) and the requirement for a
     * term from the settings. A few queries whatever the number of teachers.
     */
    public Map<String, ActivityTally> tally(Collection<String> teachers, LocalDate from, LocalDate to) {
        // skeleton: to be backed by the research_activity records and the settings
        Map<String, ActivityTally> tallies = new HashMap<>();
        for (String teacher : teachers) {
            tallies.put(teacher, new ActivityTally(0, 0));
        }
        return tallies;
    }
}
