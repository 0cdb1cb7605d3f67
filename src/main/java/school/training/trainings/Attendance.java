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

/** One participant at one session; unique per (session, teacher), so two saves at once never make two. */
@Entity
@Table(name = "training_attendance",
        uniqueConstraints = @UniqueConstraint(name = "uk_training_attendance", columnNames = { "session_id", "teacher_id" }),
        indexes = @Index(name = "ix_training_attendance_teacher", columnList = "teacher_id"))
public class Attendance {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "session_id", nullable = false)
    private Long sessionId;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttendanceStatus status;
    @Column(length = 500)
    private String reason;
    @Column(nullable = false, length = 64)
    private String recordedBy;
    @Column(nullable = false)
    private Instant recordedAt;

    protected Attendance() {
    }

    Attendance(Long sessionId, String teacherId) {
        this.sessionId = sessionId;
        this.teacherId = teacherId;
    }

    void record(AttendanceStatus status, String reason, String by, Instant at) {
        this.status = status;
        this.reason = reason;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public AttendanceStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
