package school.training.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A file attached to an archive entry (a certificate scan, the paper, the lesson plan). The bytes are an
 * {@link school.training.attachments.Attachment}; a file belongs to one entry at most, so whoever may read
 * that entry may download it. The name is copied so a list of entries needs no lookup per file.
 */
@Entity
@Table(name = "archive_entry_file",
        uniqueConstraints = @UniqueConstraint(name = "uk_archive_entry_file_attachment", columnNames = "attachment_id"),
        indexes = @Index(name = "ix_archive_entry_file_entry", columnList = "entry_id"))
public class ArchiveFile {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "entry_id", nullable = false)
    private Long entryId;
    @Column(name = "attachment_id", nullable = false, length = 64)
    private String attachmentId;
    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    protected ArchiveFile() {
    }

    ArchiveFile(Long entryId, String attachmentId, String fileName) {
        this.entryId = entryId;
        this.attachmentId = attachmentId;
        this.fileName = fileName;
    }

    public Long getEntryId() {
        return entryId;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    public String getFileName() {
        return fileName;
    }
}
