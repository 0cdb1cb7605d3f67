package school.training.trainings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One session of a project: when, where, how many hours, and the sign-in code shown in the room. */
@Entity
@Table(name = "training_session", indexes = {
        @Index(name = "ix_training_session_project", columnList = "project_id"),
        @Index(name = "ix_training_session_date", columnList = "session_date") })
public class TrainingSession {

    /** Sign-in opens this many minutes before the start. */
    static final int SIGN_IN_EARLY_MINUTES = 15;

    @Id
    @GeneratedValue
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private TrainingProject project;
    @Column(name = "session_date", nullable = false)
    private LocalDate date;
    @Column(nullable = false)
    private LocalTime startTime;
    @Column(nullable = false)
    private LocalTime endTime;
    @Column(nullable = false, length = 200)
    private String place;
    @Column(nullable = false, precision = 5, scale = 1)
    private BigDecimal hours;
    @Column(nullable = false, length = 6)
    private String signInCode;

    protected TrainingSession() {
    }

    TrainingSession(TrainingProject project, LocalDate date, LocalTime startTime, LocalTime endTime, String place,
            BigDecimal hours, String signInCode) {
        this.project = project;
        this.date = date;
        this.startTime = startTime;
        this.endTime = endTime;
        this.place = place;
        this.hours = hours;
        this.signInCode = signInCode;
    }

    LocalDateTime start() {
        return date.atTime(startTime);
    }

    LocalDateTime end() {
        return date.atTime(endTime);
    }

    /** Sign-in is open from 15 minutes before the start to the end. */
    boolean signInOpen(LocalDateTime now) {
        return !now.isBefore(start().minusMinutes(SIGN_IN_EARLY_MINUTES)) && !now.isAfter(end());
    }

    public Long getId() {
        return id;
    }

    public TrainingProject getProject() {
        return project;
    }

    public LocalDate getDate() {
        return date;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public String getPlace() {
        return place;
    }

    public BigDecimal getHours() {
        return hours;
    }

    String getSignInCode() {
        return signInCode;
    }
}
