package school.training.people;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did. The new people's initial passwords live only here, on their way to the office's
 * screen and one download; Camunda keeps only their hashes.
 */
record RosterResult(List<NewAccount> added, int updated, long unchanged, long notInFile) implements Serializable {

    record NewAccount(String id, String name, String groupName, String password) implements Serializable {
    }
}
