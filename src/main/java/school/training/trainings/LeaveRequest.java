package school.training.trainings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** 请假: asked before a session, decided by the organizer; one per (session, teacher). */
@Entity
@Table(name = "training_leave",
        uniqueConstraints = @UniqueConstraint(name = "uk_training_leave", columnNames = { "session_id", "teacher_id" }),
        indexes = @Index(name = "ix_training_leave_project", columnList = "project_id"))
public class LeaveRequest {

    public enum Status {
        PENDING, APPROVED, REFUSED
    }

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "project_id", nullable = false)
    private Long projectId;
    @Column(name = "session_id", nullable = false)
    private Long sessionId;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Column(nullable = false, length = 500)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;
    @Column(nullable = false)
    private Instant askedAt;
    @Column(length = 64)
    private String decidedBy;

    protected LeaveRequest() {
    }

    LeaveRequest(Long projectId, Long sessionId, String teacherId, String reason, Instant askedAt) {
        this.projectId = projectId;
        this.sessionId = sessionId;
        this.teacherId = teacherId;
        this.reason = reason;
        this.askedAt = askedAt;
    }

    void decide(boolean approve, String by) {
        this.status = approve ? Status.APPROVED : Status.REFUSED;
        this.decidedBy = by;
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getAskedAt() {
        return askedAt;
    }
}
