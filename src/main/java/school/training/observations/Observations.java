package school.training.observations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.people.Directory;
import school.training.people.Person;

/** The observation facade other modules use (the term review). */
@Service
@Transactional(readOnly = true)
public class Observations {

    private final ObservationRecords records;
    private final ObservationQuotas quotas;
    private final Directory directory;

    Observations(ObservationRecords records, ObservationQuotas quotas, Directory directory) {
        this.records = records;
        this.quotas = quotas;
        this.directory = directory;
    }

    /**
     * Each observer's observations recorded in the period (lesson dates within it) and the quota for the
     * period from the settings (per role or post, per week / month / term). A few queries whatever the number.
     */
    public Map<String, ObservationTally> tally(Collection<String> observers, LocalDate from, LocalDate to) {
        Map<String, Long> counts = records.counts(observers, from, to);
        Map<String, Person> people = new HashMap<>();
        directory.findAll(observers).forEach(p -> people.put(p.getId(), p));
        Map<String, ObservationTally> tallies = new HashMap<>();
        for (String observer : observers) {
            tallies.put(observer, new ObservationTally(counts.getOrDefault(observer, 0L).intValue(),
                    quotas.quota(people.get(observer), from, to)));
        }
        return tallies;
    }
}
