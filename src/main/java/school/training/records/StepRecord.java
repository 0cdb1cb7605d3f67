package school.training.records;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * What one step of a request decided: the values of its form (or, for a start by the app, the facts
 * it was started with), who and when. Append-only: a request sent back and revised has one record
 * per round.
 */
@Entity
@Table(name = "step_record", indexes = @Index(name = "step_record_instance", columnList = "processInstanceId, id"))
public class StepRecord {

    /** The step name of a request's start. */
    public static final String START = "start";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 64, nullable = false, updatable = false)
    private String processInstanceId;
    @Column(length = 64, nullable = false, updatable = false)
    private String step;
    @Column(length = 64, updatable = false)
    private String taskId;
    /** Who completed the step; null for what the app itself recorded. */
    @Column(length = 64, updatable = false)
    private String decidedBy;
    @Column(nullable = false, updatable = false)
    private Instant decidedAt;
    /** The step's values as JSON: strings, numbers, booleans, attachment ids. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false, updatable = false)
    private String valuesJson;

    protected StepRecord() {
    }

    StepRecord(String processInstanceId, String step, String taskId, String decidedBy, Instant decidedAt,
            String valuesJson) {
        this.processInstanceId = processInstanceId;
        this.step = step;
        this.taskId = taskId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.valuesJson = valuesJson;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getStep() {
        return step;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    String getValuesJson() {
        return valuesJson;
    }
}
