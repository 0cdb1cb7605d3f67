package school.training.degree;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One semester's results a teacher records while studying (e.g. "2026 春季：4 门课程全部通过"). */
@Entity
public class StudyProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String processInstanceId;
    private String teacherId;
    private String semester;
    @Column(length = 1000)
    private String results;
    private Instant recordedAt;

    protected StudyProgress() {
    }

    StudyProgress(String processInstanceId, String teacherId, String semester, String results, Instant recordedAt) {
        this.processInstanceId = processInstanceId;
        this.teacherId = teacherId;
        this.semester = semester;
        this.results = results;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getSemester() {
        return semester;
    }

    public String getResults() {
        return results;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getTeacherId() {
        return teacherId;
    }
}
