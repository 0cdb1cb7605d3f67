package school.training.tasklist;

import java.util.Map;

/** What a process module knows before the person types anything (e.g. their recorded degree). */
public interface StartFormDefaults {

    boolean appliesTo(String processKey);

    Map<String, Object> defaults(String userId);
}
