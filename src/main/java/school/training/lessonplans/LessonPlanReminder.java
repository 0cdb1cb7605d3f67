package school.training.lessonplans;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A month-end reminder sent to a teacher: the unique key keeps it to once per teacher and month, restarts included. */
@Entity
@Table(name = "lesson_plan_reminder", uniqueConstraints = @UniqueConstraint(name = "uk_lesson_plan_reminder",
        columnNames = { "teacher_id", "month_start" }))
class LessonPlanReminder {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Column(name = "month_start", nullable = false)
    private LocalDate monthStart;
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected LessonPlanReminder() {
    }

    LessonPlanReminder(String teacherId, LocalDate monthStart, Instant sentAt) {
        this.teacherId = teacherId;
        this.monthStart = monthStart;
        this.sentAt = sentAt;
    }
}
