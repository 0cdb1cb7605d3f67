package school.training.hearback;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One urge (催办) of a request. The unique key on request and day is what keeps it to once a day, also
 * when two tabs (or two nodes) urge at the same moment: the second insert fails (migration V6).
 */
@Entity
@Table(name = "request_urge", uniqueConstraints = @UniqueConstraint(name = "uk_request_urge_day",
        columnNames = { "process_instance_id", "urge_day" }))
class RequestUrge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "process_instance_id", length = 64, nullable = false, updatable = false)
    private String processInstanceId;
    /** The school's calendar day (training.time-zone) the urge was made on. */
    @Column(name = "urge_day", nullable = false, updatable = false)
    private LocalDate urgeDay;
    @Column(length = 64, nullable = false, updatable = false)
    private String urgedBy;
    @Column(nullable = false, updatable = false)
    private Instant urgedAt;
    /** The steps that were urged, comma-separated task definition keys. */
    @Column(length = 255, nullable = false, updatable = false)
    private String steps;

    protected RequestUrge() {
    }

    RequestUrge(String processInstanceId, LocalDate urgeDay, String urgedBy, Instant urgedAt, String steps) {
        this.processInstanceId = processInstanceId;
        this.urgeDay = urgeDay;
        this.urgedBy = urgedBy;
        this.urgedAt = urgedAt;
        this.steps = steps.length() > 255 ? steps.substring(0, 255) : steps;
    }

    Instant getUrgedAt() {
        return urgedAt;
    }
}
