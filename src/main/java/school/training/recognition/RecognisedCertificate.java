package school.training.recognition;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A certificate claimed for recognition, under its normalized number and organizer. The unique key
 * makes "a certificate is credited once" hold even when two teachers claim the same one at the same
 * moment: the second insert fails inside its start's transaction, so that claim is not made. A claim
 * that ends without recognition gives the certificate back.
 */
@Entity
@Table(name = "recognised_certificate",
        uniqueConstraints = @UniqueConstraint(name = "uk_recognised_certificate_key", columnNames = "certificate_key"),
        indexes = @Index(name = "ix_recognised_certificate_instance", columnList = "process_instance_id"))
class RecognisedCertificate {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "certificate_key", nullable = false, length = 200)
    private String key;
    @Column(name = "certificate_number", nullable = false, length = 100)
    private String number;
    @Column(nullable = false, length = 200)
    private String organizer;
    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;
    @Column(name = "teacher_id", length = 64)
    private String teacherId;
    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    protected RecognisedCertificate() {
    }

    RecognisedCertificate(String key, String number, String organizer, String processInstanceId, String teacherId,
            Instant claimedAt) {
        this.key = key;
        this.number = number;
        this.organizer = organizer;
        this.processInstanceId = processInstanceId;
        this.teacherId = teacherId;
        this.claimedAt = claimedAt;
    }

    String getKey() {
        return key;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getTeacherId() {
        return teacherId;
    }
}
