package school.training.ledger;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A reminder sent to a teacher behind on a rule, one a day at most: the unique key keeps two clerks
 * pressing the button at once from reminding anyone twice.
 */
@Entity
@Table(name = "compliance_reminder", uniqueConstraints = @UniqueConstraint(name = "uk_compliance_reminder",
        columnNames = { "teacher_id", "rule_id", "reminded_on" }))
class ComplianceReminder {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Column(name = "rule_id", nullable = false, length = 64)
    private String ruleId;
    @Column(name = "reminded_on", nullable = false)
    private LocalDate remindedOn;
    @Column(name = "reminded_by", length = 64)
    private String remindedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ComplianceReminder() {
    }

    ComplianceReminder(String teacherId, String ruleId, LocalDate remindedOn, String remindedBy, Instant createdAt) {
        this.teacherId = teacherId;
        this.ruleId = ruleId;
        this.remindedOn = remindedOn;
        this.remindedBy = remindedBy;
        this.createdAt = createdAt;
    }
}
