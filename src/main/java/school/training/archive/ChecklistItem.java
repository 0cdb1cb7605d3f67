package school.training.archive;

import java.util.Objects;
import java.util.Set;

/**
 * One thing a teacher's archive must hold (seed 002 §五4): named on pages by the message
 * {@code archive.checklist.<key>}, satisfied by an entry of any of {@code kinds}. A {@link Period#TERM} item
 * needs an entry dated in the term being looked at (reflections are written every term); a
 * {@link Period#CUMULATIVE} one is satisfied by an entry of any earlier date (a research project or an award
 * certificate stays in the file).
 */
public record ChecklistItem(String key, Set<ArchiveKind> kinds, Period period) {

    public enum Period {
        TERM, CUMULATIVE
    }

    public ChecklistItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("training.archive.checklist: an item needs a key");
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("training.archive.checklist: item " + key + " needs kinds");
        }
        key = key.strip();
        kinds = Set.copyOf(kinds);
        period = Objects.requireNonNullElse(period, Period.TERM);
    }

    boolean perTerm() {
        return period == Period.TERM;
    }
}
