package school.training.records;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One request (process instance) and its applicant, written once when it starts and never changed. */
@Entity
@Table(name = "request_record", indexes = @Index(name = "request_record_applicant", columnList = "applicant"))
public class RequestRecord {

    @Id
    @Column(length = 64)
    private String processInstanceId;
    @Column(length = 64, nullable = false, updatable = false)
    private String processKey;
    @Column(length = 64, updatable = false)
    private String applicant;
    /** The signed-in person who started it; null when the app started it (a trip's end, a campaign). */
    @Column(length = 64, updatable = false)
    private String startedBy;
    @Column(nullable = false, updatable = false)
    private Instant startedAt;

    protected RequestRecord() {
    }

    RequestRecord(String processInstanceId, String processKey, String applicant, String startedBy, Instant startedAt) {
        this.processInstanceId = processInstanceId;
        this.processKey = processKey;
        this.applicant = applicant;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getApplicant() {
        return applicant;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}
