package school.training.archive;

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
import jakarta.persistence.Version;

/**
 * One event in a teacher's professional archive; one per (source, sourceId, kind), enforced by the database.
 * Entries written by a process are the record of a decision and never change; those the teacher added
 * herself (source {@value #TEACHER_SOURCE}, a generated source id) she may revise or delete.
 */
@Entity
@Table(name = "archive_entry",
        uniqueConstraints = @UniqueConstraint(name = "uk_archive_entry_source",
                columnNames = { "source", "source_id", "kind" }),
        indexes = @Index(name = "ix_archive_entry_teacher", columnList = "teacher_id, entry_date"))
public class ArchiveEntry {

    /** The source of entries a teacher added on /archive/new. */
    public static final String TEACHER_SOURCE = "teacherUpload";

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "teacher_id", nullable = false)
    private String teacherId;
    @Column(name = "entry_date", nullable = false)
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ArchiveKind kind;
    @Column(nullable = false, length = 500)
    private String title;
    // reflections from a report can be long; H2 and most databases take 10 000 characters as a varchar
    @Column(length = 10_000)
    private String summary;
    @Column(nullable = false, length = 64)
    private String source;
    @Column(name = "source_id", nullable = false, length = 128)
    private String sourceId;
    @Column(nullable = false)
    private Instant createdAt;
    // two tabs saving the same entry: the second is told, not silently overwriting the first; null in rows
    // written before entries could be revised (those are process entries, never revised)
    @Version
    private Integer version;

    protected ArchiveEntry() {
    }

    ArchiveEntry(String teacherId, LocalDate date, ArchiveKind kind, String title, String summary, String source,
            String sourceId, Instant createdAt) {
        this.teacherId = teacherId;
        this.date = date;
        this.kind = kind;
        this.title = title;
        this.summary = summary;
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

    public ArchiveKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
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

    public Integer getVersion() {
        return version;
    }

    /** Added by the teacher herself, so hers to revise or delete; everything else was written by a process. */
    public boolean isTeacherAdded() {
        return TEACHER_SOURCE.equals(source);
    }

    void revise(LocalDate date, ArchiveKind kind, String title, String summary) {
        if (!isTeacherAdded()) {
            throw new IllegalStateException("A process's archive entry is a record and never changes: " + id);
        }
        this.date = date;
        this.kind = kind;
        this.title = title;
        this.summary = summary;
    }
}
