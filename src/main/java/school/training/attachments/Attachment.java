package school.training.attachments;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One uploaded file; the bytes live on disk under a random name, never under the name the person gave. */
@Entity
public class Attachment {

    /** Column width of the file name; {@link Attachments} keeps names shorter than this. */
    static final int FILE_NAME_LENGTH = 255;

    @Id
    private String id;
    @Column(length = FILE_NAME_LENGTH)
    private String fileName;
    private String contentType;
    private long size;
    private String uploadedBy;
    private Instant uploadedAt;
    private String processInstanceId;

    protected Attachment() {
    }

    Attachment(String id, String fileName, String contentType, long size, String uploadedBy) {
        this.id = id;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    void linkTo(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }
}
