package school.training.archive;

import java.util.List;

/**
 * A teacher's professional archive against the school's checklist (seed 002 §五4): the checklist's item keys
 * and those missing; the archive is complete when nothing is missing. Pages name an item with the message
 * {@code archive.checklist.<key>}.
 */
public record ChecklistStatus(List<String> required, List<String> missing) {

    public ChecklistStatus {
        required = List.copyOf(required);
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
