package school.training.trainings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A participant of a project and, once assessed, their result. The rows are the participant list: made when
 * the project is planned, one per person.
 */
@Entity
@Table(name = "training_result",
        uniqueConstraints = @UniqueConstraint(name = "uk_training_result", columnNames = { "project_id", "teacher_id" }),
        indexes = @Index(name = "ix_training_result_teacher", columnList = "teacher_id"))
public class TrainingResult {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "project_id", nullable = false)
    private Long projectId;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Result result;

    protected TrainingResult() {
    }

    TrainingResult(Long projectId, String teacherId) {
        this.projectId = projectId;
        this.teacherId = teacherId;
    }

    void assess(Result result) {
        this.result = result;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public Result getResult() {
        return result;
    }
}
