package school.training.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger facade: processes credit hours, pages and reviews read totals and progress.
 * Crediting is idempotent per (source, sourceId, teacherId), so a process step that is retried, or runs
 * twice at once, credits its hours exactly once.
 */
@Service
@Transactional(readOnly = true)
public class TrainingLedger {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);

    private final LedgerEntryRepository entries;
    private final LedgerSettings settings;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    TrainingLedger(LedgerEntryRepository entries, LedgerSettings settings, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Credits hours once. A second call with the same source, source id and teacher returns the entry made
     * by the first and changes nothing, even when its other arguments differ.
     * <p>
     * The entry is written in a transaction of its own: a unique-key clash from a concurrent credit would
     * otherwise spoil the caller's transaction (a process step's), whereas here we just read the winner's
     * entry. The price: a credit stays even if the calling step later rolls back, and its retry finds it.
     *
     * @param source   what credits, e.g. the process key {@code postStudyReport} or {@code import}
     * @param sourceId which one, e.g. the process instance id
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LedgerEntry credit(String teacherId, LocalDate date, Category category, BigDecimal hours, String title,
            String source, String sourceId) {
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        if (hours == null || hours.signum() <= 0) {
            throw new IllegalArgumentException("Hours to credit must be positive: " + hours);
        }
        BigDecimal rounded = hours.setScale(1, RoundingMode.HALF_UP);
        String name = title == null || title.isBlank() ? category.name() : title.strip();
        try {
            return newTransaction.execute(status -> entries.findBySourceAndSourceIdAndTeacherId(source, sourceId, teacherId)
                    .orElseGet(() -> entries.saveAndFlush(new LedgerEntry(teacherId, date, category, rounded,
                            name, source, sourceId, clock.instant()))));
        }
        catch (DataIntegrityViolationException raced) {
            // someone else credited the same source between our check and our insert: theirs counts
            return newTransaction.execute(status -> entries
                    .findBySourceAndSourceIdAndTeacherId(source, sourceId, teacherId).orElseThrow(() -> raced));
        }
    }

    /** One credit of {@link #creditAll}. */
    public record Credit(String teacherId, LocalDate date, Category category, BigDecimal hours, String title,
            String source, String sourceId) {
    }

    /**
     * Credits all or none, in one transaction: an import whose row fails credits nothing. A credit whose
     * source, source id and teacher is in the ledger already is left as it is (not counted in the result).
     *
     * @return the entries made now
     */
    @Transactional
    public List<LedgerEntry> creditAll(List<Credit> credits) {
        List<LedgerEntry> made = new java.util.ArrayList<>();
        for (Credit c : credits) {
            if (c.hours() == null || c.hours().signum() <= 0) {
                throw new IllegalArgumentException("Hours to credit must be positive: " + c);
            }
            if (entries.findBySourceAndSourceIdAndTeacherId(c.source(), c.sourceId(), c.teacherId()).isEmpty()) {
                String name = c.title() == null || c.title().isBlank() ? c.category().name() : c.title().strip();
                made.add(entries.save(new LedgerEntry(c.teacherId(), c.date(), c.category(),
                        c.hours().setScale(1, RoundingMode.HALF_UP), name, c.source(), c.sourceId(), clock.instant())));
            }
        }
        entries.flush();
        return made;
    }

    /** The entry a source credited to a teacher, if it did. */
    public java.util.Optional<LedgerEntry> entryFor(String source, String sourceId, String teacherId) {
        return entries.findBySourceAndSourceIdAndTeacherId(source, sourceId, teacherId);
    }

    /** Hours for days away, when a certificate names no hours: days × {@code training.ledger.hours-per-day}. */
    public BigDecimal hoursForDays(long days) {
        return settings.hoursPerDay().multiply(BigDecimal.valueOf(days)).setScale(1, RoundingMode.HALF_UP);
    }

    /** Newest first. */
    public List<LedgerEntry> entriesOf(String teacherId) {
        return entries.findByTeacherIdOrderByDateDescIdDesc(teacherId);
    }

    /** Hours from {@code from} to {@code to}, both included, in the given categories (none given: all). */
    public BigDecimal hours(String teacherId, LocalDate from, LocalDate to, Category... categories) {
        return sum(teacherId, from, to, categoriesOf(categories));
    }

    /** Like {@link #hours} for many teachers in one query; a teacher without entries has zero. */
    public Map<String, BigDecimal> hours(Collection<String> teacherIds, LocalDate from, LocalDate to,
            Category... categories) {
        Map<String, BigDecimal> totals = new HashMap<>();
        teacherIds.forEach(id -> totals.put(id, ZERO));
        if (!teacherIds.isEmpty()) {
            for (Object[] row : entries.sumHoursByTeacher(teacherIds, from, to, categoriesOf(categories))) {
                totals.put((String) row[0], ((BigDecimal) row[1]).setScale(1, RoundingMode.HALF_UP));
            }
        }
        return totals;
    }

    public LedgerSummary summaryOf(String teacherId, LocalDate today) {
        Term term = Term.containing(today);
        Set<Category> all = EnumSet.allOf(Category.class);
        BigDecimal termHours = sum(teacherId, term.start(), term.end(), all);
        BigDecimal yearHours = sum(teacherId, today.withDayOfYear(1), LocalDate.of(today.getYear(), 12, 31), all);
        List<RequirementProgress> progress = settings.rules().stream().map(rule -> {
            LocalDate from = rule.period().from(today);
            LocalDate to = rule.period().to(today);
            return RequirementProgress.of(rule, from, to, sum(teacherId, from, to, rule.countedCategories()));
        }).toList();
        return new LedgerSummary(teacherId, today, term, termHours, today.getYear(), yearHours, progress);
    }

    /** As of today by the application's clock (the engine's, so a moved engine clock moves it too). */
    public LedgerSummary summaryOf(String teacherId) {
        return summaryOf(teacherId, LocalDate.now(clock));
    }

    public List<RequirementRule> rules() {
        return settings.rules();
    }

    private BigDecimal sum(String teacherId, LocalDate from, LocalDate to, Set<Category> categories) {
        BigDecimal sum = entries.sumHours(teacherId, from, to, categories);
        return sum == null ? ZERO : sum.setScale(1, RoundingMode.HALF_UP);
    }

    private static Set<Category> categoriesOf(Category... categories) {
        return categories == null || categories.length == 0 ? EnumSet.allOf(Category.class)
                : EnumSet.copyOf(Arrays.asList(categories));
    }
}
