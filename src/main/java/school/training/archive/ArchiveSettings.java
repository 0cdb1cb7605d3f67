package school.training.archive;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code training.archive} in application.yml: the checklist a teacher's professional archive is held to
 * (seed 002 §五4, checked by the term review §五5(1)). A school drops or adds items there, no code changes;
 * an empty list means nothing is required.
 */
@ConfigurationProperties("training.archive")
public record ArchiveSettings(List<ChecklistItem> checklist) {

    public ArchiveSettings {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        Set<String> keys = new HashSet<>();
        for (ChecklistItem item : checklist) {
            if (!keys.add(item.key())) {
                throw new IllegalArgumentException("training.archive.checklist: key " + item.key() + " twice");
            }
        }
    }
}
