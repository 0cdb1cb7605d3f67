package school.training.observations;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * One lesson observed (听课记录): who observed whose lesson, when, in which class and subject, what was seen and
 * what could be better (改进性意见, required: the seed asks for it). The observed teacher is a person of the
 * directory, or only a name for a visiting teacher. The submission token makes a double click one record.
 */
@Entity
@Table(name = "lesson_observation", indexes = {
        @Index(name = "ix_lesson_observation_observer", columnList = "observer_id, lesson_date"),
        @Index(name = "ix_lesson_observation_observed", columnList = "observed_id, lesson_date") },
        uniqueConstraints = @UniqueConstraint(name = "uk_lesson_observation_token", columnNames = "submission_token"))
public class LessonObservation {

    static final int CLASS_LENGTH = 30;
    static final int SUBJECT_LENGTH = 30;
    static final int NAME_LENGTH = 40;
    static final int TOPIC_LENGTH = 100;
    static final int NOTES_LENGTH = 4000;
    static final int SUGGESTIONS_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "observer_id", nullable = false, length = 64)
    private String observerId;
    @Column(name = "lesson_date", nullable = false)
    private LocalDate lessonDate;
    @Column(name = "class_name", nullable = false, length = CLASS_LENGTH)
    private String className;
    @Column(nullable = false, length = SUBJECT_LENGTH)
    private String subject;
    /** The observed teacher when they are in the directory; null for a visiting teacher. */
    @Column(name = "observed_id", length = 64)
    private String observedId;
    /** The visiting teacher's name as typed; null when {@link #observedId} is set. */
    @Column(name = "observed_name", length = NAME_LENGTH)
    private String observedName;
    @Column(length = TOPIC_LENGTH)
    private String topic;
    @Column(length = NOTES_LENGTH)
    private String notes;
    @Column(nullable = false, length = SUGGESTIONS_LENGTH)
    private String suggestions;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "submission_token", length = 64)
    private String submissionToken;
    @Version
    private long version;

    protected LessonObservation() {
    }

    LessonObservation(String observerId, ObservationForm.Checked checked, Instant createdAt, String submissionToken) {
        this.observerId = observerId;
        this.createdAt = createdAt;
        this.submissionToken = submissionToken;
        change(checked);
    }

    void change(ObservationForm.Checked checked) {
        this.lessonDate = checked.date();
        this.className = checked.className();
        this.subject = checked.subject();
        this.observedId = checked.observedId();
        this.observedName = checked.observedId() == null ? checked.observedName() : null;
        this.topic = checked.topic();
        this.notes = checked.notes();
        this.suggestions = checked.suggestions();
    }

    public Long getId() {
        return id;
    }

    public String getObserverId() {
        return observerId;
    }

    public LocalDate getLessonDate() {
        return lessonDate;
    }

    public String getClassName() {
        return className;
    }

    public String getSubject() {
        return subject;
    }

    public String getObservedId() {
        return observedId;
    }

    public String getObservedName() {
        return observedName;
    }

    public String getTopic() {
        return topic;
    }

    public String getNotes() {
        return notes;
    }

    public String getSuggestions() {
        return suggestions;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
