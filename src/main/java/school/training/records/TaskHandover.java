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
 * A waiting step moved from one person to another (or back to a group) without anybody deciding it:
 * the leader changed, the approver left, or its holder handed it over (转办, {@link #BY_HOLDER}) with a
 * reason in her own words ({@link #comment}). One line in the request's timeline; append-only.
 */
@Entity
@Table(name = "task_handover", indexes = @Index(name = "task_handover_instance", columnList = "processInstanceId, id"))
public class TaskHandover {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 64, nullable = false, updatable = false)
    private String processInstanceId;
    @Column(length = 64, nullable = false, updatable = false)
    private String taskId;
    @Column(length = 64, nullable = false, updatable = false)
    private String step;
    @Column(length = 64, updatable = false)
    private String fromUser;
    /** The new assignee; null when the step went back to a group to claim ({@link #toGroup}). */
    @Column(length = 64, updatable = false)
    private String toUser;
    @Column(length = 64, updatable = false)
    private String toGroup;
    /** The {@link #reason} of a hand-over its holder made herself (转办), on our page or through the engine API. */
    public static final String BY_HOLDER = "handover.byHolder";

    /** A message key, e.g. {@code handover.newLeader}. */
    @Column(length = 64, nullable = false, updatable = false)
    private String reason;
    /** Why, in the words of whoever handed it over (a 转办 on our page); null for the automatic ones. */
    @Column(length = 1000, updatable = false)
    private String comment;
    @Column(length = 64, updatable = false)
    private String handedOverBy;
    @Column(nullable = false, updatable = false)
    private Instant handedOverAt;

    protected TaskHandover() {
    }

    TaskHandover(String processInstanceId, String taskId, String step, String fromUser, String toUser, String toGroup,
            String reason, String comment, String handedOverBy, Instant handedOverAt) {
        this.processInstanceId = processInstanceId;
        this.taskId = taskId;
        this.step = step;
        this.fromUser = fromUser;
        this.toUser = toUser;
        this.toGroup = toGroup;
        this.reason = reason;
        this.comment = comment;
        this.handedOverBy = handedOverBy;
        this.handedOverAt = handedOverAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStep() {
        return step;
    }

    public String getFromUser() {
        return fromUser;
    }

    public String getToUser() {
        return toUser;
    }

    public String getToGroup() {
        return toGroup;
    }

    public String getReason() {
        return reason;
    }

    public String getComment() {
        return comment;
    }

    public boolean isByHolder() {
        return BY_HOLDER.equals(reason);
    }

    public String getHandedOverBy() {
        return handedOverBy;
    }

    public Instant getHandedOverAt() {
        return handedOverAt;
    }
}
