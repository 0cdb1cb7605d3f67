package school.training.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    ProfessionalArchive(ArchiveEntryRepository entries, Clock clock, PlatformTransactionManager transactionManager) {
        this.entries = entries;
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

    /** Newest first. */
    /** How many entries each of these teachers got between the two dates (both included), in one query. */
    @Transactional(readOnly = true)
    public Map<String, Long> countsBetween(Collection<String> teacherIds, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        teacherIds.forEach(id -> counts.put(id, 0L));
        entries.findByTeacherIdInAndDateBetween(teacherIds, from, to)
                .forEach(entry -> counts.merge(entry.getTeacherId(), 1L, Long::sum));
        return counts;
    }

    public List<ArchiveEntry> entriesOf(String teacherId) {
        return entries.findByTeacherIdOrderByDateDescIdDesc(teacherId);
    }

    /**
     * Each teacher's archive against the checklist for the term ending in the period: an item is present when
     * the archive holds an entry of a kind that satisfies it (within the period for items kept per term).
     */
    public Map<String, ChecklistStatus> checklist(Collection<String> teachers, LocalDate from, LocalDate to) {
        // skeleton: to be backed by the checklist settings
        Map<String, ChecklistStatus> statuses = new HashMap<>();
        for (String teacher : teachers) {
            statuses.put(teacher, new ChecklistStatus(List.of(), List.of()));
        }
        return statuses;
    }
}
