package school.training.externalstudy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An approval number the office gave to an outside-study request. The unique key on the number is what
 * makes "a number is given once" hold when two clerks register at the same moment: the second insert
 * fails inside its registration's transaction, so that registration does not happen.
 */
@Entity
@Table(name = "approval_number",
        uniqueConstraints = @UniqueConstraint(name = "uk_approval_number", columnNames = "number"),
        indexes = { @Index(name = "ix_approval_number_sequence", columnList = "number_year, number_sequence"),
                @Index(name = "ix_approval_number_instance", columnList = "process_instance_id") })
class RegisteredApprovalNumber {

    @Id
    @GeneratedValue
    private Long id;
    @Column(nullable = false, length = 30)
    private String number;
    /** Year and sequence of a number in the school's WX-&lt;year&gt;-&lt;nnn&gt; form; null for any other form. */
    @Column(name = "number_year")
    private Integer year;
    @Column(name = "number_sequence")
    private Integer sequence;
    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;
    /** Null when the app registered it (demo data, a script without a signed-in user). */
    @Column(name = "registered_by", length = 64)
    private String registeredBy;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected RegisteredApprovalNumber() {
    }

    RegisteredApprovalNumber(String number, Integer year, Integer sequence, String processInstanceId,
            String registeredBy, Instant registeredAt) {
        this.number = number;
        this.year = year;
        this.sequence = sequence;
        this.processInstanceId = processInstanceId;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    String getNumber() {
        return number;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getRegisteredBy() {
        return registeredBy;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }
}
