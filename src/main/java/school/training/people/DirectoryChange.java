package school.training.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One line of the directory's history (人员变更记录): who changed what about whom, and when. Append-only;
 * written in the same transaction as the change, so no change goes unrecorded. Passwords never appear.
 */
@Entity
@Table(name = "directory_change", indexes = {
        @Index(name = "directory_change_subject", columnList = "subjectId, id"),
        @Index(name = "directory_change_at", columnList = "changedAt") })
public class DirectoryChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private Instant changedAt;
    /** Who made the change; "system" for the app itself (demo data, first start). */
    @Column(length = 64, nullable = false, updatable = false)
    private String changedBy;
    /** A person id or {@code group:<id>} for a teaching group. */
    @Column(length = 80, nullable = false, updatable = false)
    private String subjectId;
    /** What changed, e.g. {@code role}, {@code teachingGroup}, {@code created}, {@code left}. */
    @Column(length = 40, nullable = false, updatable = false)
    private String what;
    @Column(length = 500, updatable = false)
    private String before;
    @Column(length = 500, updatable = false)
    private String after;

    protected DirectoryChange() {
    }

    DirectoryChange(Instant changedAt, String changedBy, String subjectId, String what, String before, String after) {
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.subjectId = subjectId;
        this.what = what;
        this.before = clip(before);
        this.after = clip(after);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }

    public Long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /** For pages: a date formatted in the server's zone like every other time on them. */
    public java.util.Date getChangedAtDate() {
        return java.util.Date.from(changedAt);
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getWhat() {
        return what;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
