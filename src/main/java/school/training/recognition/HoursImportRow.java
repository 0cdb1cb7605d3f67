package school.training.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import school.training.ledger.Category;

/**
 * One row of an uploaded hours list as read and checked: who it names (and whom that matched), what,
 * when, how many hours, and the problem that keeps the list from being credited, if any. Its source id
 * (teacher | course | date, hashed) is the ledger's key, the same in every upload of the same row.
 */
@Entity
@Table(name = "hours_import_row", indexes = { @Index(name = "ix_hours_import_row_batch", columnList = "batch_id, line"),
        @Index(name = "ix_hours_import_row_source", columnList = "source_id") })
public class HoursImportRow {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "batch_id", nullable = false)
    private Long batchId;
    @Column(nullable = false)
    private int line;
    @Column(name = "teacher_text", length = 100)
    private String teacherText;
    @Column(name = "teacher_id", length = 64)
    private String teacherId;
    @Column(length = 500)
    private String course;
    @Column(precision = 7, scale = 1)
    private BigDecimal hours;
    @Column(name = "entry_date")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Category category;
    @Column(name = "source_id", length = 128)
    private String sourceId;
    /** A message key (recognition.import.problem.*), null when the row is fine. */
    @Column(length = 100)
    private String problem;
    @Column(name = "problem_arg", length = 200)
    private String problemArg;
    /** Credited before, by an earlier upload: this one leaves it alone. */
    @Column(name = "imported_before", nullable = false)
    private boolean importedBefore;

    protected HoursImportRow() {
    }

    HoursImportRow(Long batchId, int line, String teacherText) {
        this.batchId = batchId;
        this.line = line;
        this.teacherText = teacherText;
    }

    void read(String teacherId, String course, BigDecimal hours, LocalDate date, Category category, String sourceId) {
        this.teacherId = teacherId;
        this.course = course;
        this.hours = hours;
        this.date = date;
        this.category = category;
        this.sourceId = sourceId;
    }

    void problem(String key, String arg) {
        if (problem == null) {
            this.problem = key;
            this.problemArg = arg;
        }
    }

    void importedBefore() {
        this.importedBefore = true;
    }

    public Long getBatchId() {
        return batchId;
    }

    public int getLine() {
        return line;
    }

    public String getTeacherText() {
        return teacherText;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public String getCourse() {
        return course;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public LocalDate getDate() {
        return date;
    }

    public Category getCategory() {
        return category;
    }

    public String getSourceId() {
        return sourceId;
    }

    public String getProblem() {
        return problem;
    }

    public String getProblemArg() {
        return problemArg;
    }

    public boolean isImportedBefore() {
        return importedBefore;
    }
}
