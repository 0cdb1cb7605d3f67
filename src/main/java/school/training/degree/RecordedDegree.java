package school.training.degree;

import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.people.Directory;
import school.training.tasklist.StartFormDefaults;

/** The application starts from the degree the school has on record for the teacher. */
@Component
class RecordedDegree implements StartFormDefaults {

    private final Directory directory;

    RecordedDegree(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return DegreeProcess.KEY.equals(processKey);
    }

    @Override
    public Map<String, Object> defaults(String userId) {
        return directory.find(userId).filter(person -> person.getDegree() != null)
                .<Map<String, Object>>map(person -> Map.of("currentDegree", person.getDegree().value())).orElse(Map.of());
    }
}
