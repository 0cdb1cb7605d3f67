package school.training.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One credited activity. The unique (source, sourceId, teacherId) makes a second credit for the same
 * process instance impossible even when two transactions race, not just unlikely.
 */
@Entity
@Table(name = "ledger_entry",
        uniqueConstraints = @UniqueConstraint(name = "uk_ledger_entry_source",
                columnNames = { "source", "source_id", "teacher_id" }),
        indexes = @Index(name = "ix_ledger_entry_teacher_date", columnList = "teacher_id, entry_date"))
public class LedgerEntry {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "teacher_id", nullable = false)
    private String teacherId;
    // "date" is a reserved word in SQL
    @Column(name = "entry_date", nullable = false)
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Category category;
    @Column(nullable = false, precision = 7, scale = 1)
    private BigDecimal hours;
    @Column(nullable = false, length = 500)
    private String title;
    @Column(nullable = false, length = 64)
    private String source;
    @Column(name = "source_id", nullable = false, length = 128)
    private String sourceId;
    @Column(nullable = false)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    LedgerEntry(String teacherId, LocalDate date, Category category, BigDecimal hours, String title, String source,
            String sourceId, Instant createdAt) {
        this.teacherId = teacherId;
        this.date = date;
        this.category = category;
        this.hours = hours;
        this.title = title;
        this.source = source;
        this.sourceId = sourceId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public LocalDate getDate() {
        return date;
    }

    public Category getCategory() {
        return category;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getTitle() {
        return title;
    }

    public String getSource() {
        return source;
    }

    public String getSourceId() {
        return sourceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * Where the entry came from, as a page of the app: a request (report-back, recognised certificate)
     * at /requests/{id}, a school training at /trainings/{id}, an imported row's batch; null when the
     * source has no page.
     */
    public String getSourceLink() {
        return switch (source) {
            case "postStudyReport", "creditRecognition", "externalStudy", "degreeUpgrade" -> "/requests/" + sourceId;
            case "trainingProject" -> "/trainings/" + sourceId;
            case "hoursImport" -> "/ledger/batches/row/" + sourceId;
            default -> null;
        };
    }
}
