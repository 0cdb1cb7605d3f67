package school.training.observations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The observation facade other modules use (the term review). */
@Service
@Transactional(readOnly = true)
public class Observations {

    /**
     * Each observer's observations recorded in the period (lesson dates within it) and the quota for the
     * period from the settings (per role or post, per week / month / term). A few queries whatever the number.
     */
    public Map<String, ObservationTally> tally(Collection<String> observers, LocalDate from, LocalDate to) {
        // skeleton: to be backed by the lesson_observation records and the quota settings
        Map<String, ObservationTally> tallies = new HashMap<>();
        for (String observer : observers) {
            tallies.put(observer, new ObservationTally(0, 0));
        }
        return tallies;
    }
}
