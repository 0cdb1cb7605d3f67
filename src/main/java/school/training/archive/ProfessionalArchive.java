package school.training.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive facade. Recording is idempotent per (source, sourceId, kind), like crediting the ledger, and
 * for the same reason written in a transaction of its own (see {@code TrainingLedger.credit}).
 */
@Service
@Transactional(readOnly = true)
public class ProfessionalArchive {

    private final ArchiveEntryRepository entries;
    private final ArchiveFileRepository files;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    ProfessionalArchive(ArchiveEntryRepository entries, ArchiveFileRepository files, ArchiveSettings settings,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.entries = entries;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Writes the entry once; a second call for the same source, source id and kind returns the first entry. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ArchiveEntry record(String teacherId, LocalDate date, ArchiveKind kind, String title, String summary,
            String source, String sourceId) {
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        try {
            return newTransaction.execute(status -> entries.findBySourceAndSourceIdAndKind(source, sourceId, kind)
                    .orElseGet(() -> entries.saveAndFlush(new ArchiveEntry(teacherId, date, kind, title.strip(),
                            summary, source, sourceId, clock.instant()))));
        }
        catch (DataIntegrityViolationException raced) {
            return newTransaction.execute(status -> entries.findBySourceAndSourceIdAndKind(source, sourceId, kind)
                    .orElseThrow(() -> raced));
        }
    }

    /** How many entries each of these teachers got between the two dates (both included), in one query. */
    @Transactional(readOnly = true)
    public Map<String, Long> countsBetween(Collection<String> teacherIds, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        teacherIds.forEach(id -> counts.put(id, 0L));
        entries.findByTeacherIdInAndDateBetween(teacherIds, from, to)
                .forEach(entry -> counts.merge(entry.getTeacherId(), 1L, Long::sum));
        return counts;
    }

    /** Newest first. */
    public List<ArchiveEntry> entriesOf(String teacherId) {
        return entries.findByTeacherIdOrderByDateDescIdDesc(teacherId);
    }

    /** The checklist the archive is held to, as configured ({@code training.archive.checklist}). */
    public List<ChecklistItem> checklistItems() {
        return settings.checklist();
    }

    /**
     * Each teacher's archive against the checklist for the term ending in the period: an item is present when
     * the archive holds an entry of a kind that satisfies it, dated within the period for items kept per term
     * ({@link ChecklistItem.Period#TERM}), on or before its last day for cumulative ones (an award from an
     * earlier term still counts; one dated after the period does not, so a past term's result stays what it
     * was). One query whatever the number of teachers (see {@link ArchiveEntryRepository#latestOfKinds}); every
     * teacher asked about gets a status, those without any entry too.
     */
    public Map<String, ChecklistStatus> checklist(Collection<String> teachers, LocalDate from, LocalDate to) {
        List<ChecklistItem> items = settings.checklist();
        List<String> required = items.stream().map(ChecklistItem::key).toList();
        Map<String, Map<ArchiveKind, LocalDate>> latest = new HashMap<>();
        Set<ArchiveKind> kinds = items.stream().flatMap(item -> item.kinds().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ArchiveKind.class)));
        if (!teachers.isEmpty() && !kinds.isEmpty()) {
            entries.latestOfKinds(Set.copyOf(teachers), kinds, to).forEach(row -> latest
                    .computeIfAbsent(row.getTeacherId(), t -> new EnumMap<>(ArchiveKind.class))
                    .put(row.getKind(), row.getLatest()));
        }
        Map<String, ChecklistStatus> statuses = new LinkedHashMap<>();
        for (String teacher : teachers) {
            Map<ArchiveKind, LocalDate> has = latest.getOrDefault(teacher, Map.of());
            List<String> missing = items.stream().filter(item -> item.kinds().stream().map(has::get)
                    .noneMatch(date -> date != null && (!item.perTerm() || !date.isBefore(from))))
                    .map(ChecklistItem::key).toList();
            statuses.put(teacher, new ChecklistStatus(required, missing));
        }
        return statuses;
    }

    /** The files of these entries, per entry id, in the order they were attached. */
    public Map<Long, List<ArchiveFile>> filesOf(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return files.findByEntryIdInOrderById(entryIds).stream()
                .collect(Collectors.groupingBy(ArchiveFile::getEntryId, LinkedHashMap::new, Collectors.toList()));
    }
}
