package school.training.records;

import java.time.Instant;


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

    /**
     * Room for a step's values and comment: a plain string column on both databases ({@code text} on PostgreSQL,
     * where a null in a CLOB-like column cannot be bound; {@code varchar(1000000)} on H2, migration V3).
     */
    static final int LONG_TEXT = 1_000_000;

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
    @Column(length = LONG_TEXT, nullable = false, updatable = false)
    private String valuesJson;
    /** The decision and comment the step left on its task for the timeline (see tasklist's DecisionRecorder). */
    @Column(length = 64, updatable = false)
    private String decision;
    @Column(length = LONG_TEXT, updatable = false)
    private String comment;
    /** True when {@link #decision} and {@link #comment} were kept; null in records written before they were. */
    @Column(updatable = false)
    private Boolean decisionKept;

    protected StepRecord() {
    }

    StepRecord withDecision(Object decision, Object comment) {
        this.decision = decision == null ? null : truncate(decision.toString());
        this.comment = comment == null ? null : comment.toString();
        this.decisionKept = Boolean.TRUE;
        return this;
    }

    private static String truncate(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public boolean isDecisionKept() {
        return Boolean.TRUE.equals(decisionKept);
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
