package school.training.recognition;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One uploaded hours list (学时导入批次): previewed first, credited when the office confirms it. */
@Entity
@Table(name = "hours_import_batch")
public class HoursImportBatch {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;
    @Column(name = "imported_by", nullable = false, length = 64)
    private String importedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** Null while only previewed. */
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "row_count", nullable = false)
    private int rowCount;
    @Column(name = "problem_count", nullable = false)
    private int problemCount;
    @Column(name = "credited_count", nullable = false)
    private int creditedCount;

    protected HoursImportBatch() {
    }

    HoursImportBatch(String fileName, String importedBy, Instant createdAt) {
        this.fileName = fileName;
        this.importedBy = importedBy;
        this.createdAt = createdAt;
    }

    void counted(int rows, int problems) {
        this.rowCount = rows;
        this.problemCount = problems;
    }

    void confirmed(Instant at, int credited) {
        this.confirmedAt = at;
        this.creditedCount = credited;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getProblemCount() {
        return problemCount;
    }

    public int getCreditedCount() {
        return creditedCount;
    }
}
