package school.training.trainings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import school.training.ledger.Category;

/**
 * A training project (培训项目). {@code groupId} is set when a group leader planned it for their group: that
 * leader organizes it with the office; a project the office planned is the office's alone. The participants
 * are fixed when it is planned (one {@link TrainingResult} row each), so a later move between groups does not
 * change who was expected.
 */
@Entity
@Table(name = "training_project",
        uniqueConstraints = @UniqueConstraint(name = "uk_training_project_plan", columnNames = "plan_token"),
        indexes = {
        @Index(name = "ix_training_project_group", columnList = "group_id"),
        @Index(name = "ix_training_project_last_date", columnList = "last_session_date") })
public class TrainingProject {

    @Id
    @GeneratedValue
    private Long id;
    @Column(nullable = false, length = 200)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Category category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Audience audience;
    /** The teaching groups of a GROUPS audience, comma-separated ids (for showing; participants are the rows). */
    @Column(length = 1000)
    private String audienceGroups;
    @Column(name = "group_id", length = 64)
    private String groupId;
    @Column(nullable = false, length = 64)
    private String plannedBy;
    @Column(name = "last_session_date", nullable = false)
    private LocalDate lastSessionDate;
    /** One per planning page shown: a second click on "plan" finds the first project instead of making two. */
    @Column(name = "plan_token", length = 64)
    private String planToken;
    private Instant closedAt;
    @Column(length = 64)
    private String closedBy;
    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("date, startTime")
    private List<TrainingSession> sessions = new ArrayList<>();

    protected TrainingProject() {
    }

    TrainingProject(String title, Category category, Audience audience, String audienceGroups, String groupId,
            String plannedBy, String planToken) {
        this.planToken = planToken;
        this.title = title;
        this.category = category;
        this.audience = audience;
        this.audienceGroups = audienceGroups;
        this.groupId = groupId;
        this.plannedBy = plannedBy;
    }

    void add(TrainingSession session) {
        sessions.add(session);
        if (lastSessionDate == null || session.getDate().isAfter(lastSessionDate)) {
            lastSessionDate = session.getDate();
        }
    }

    void close(String by, Instant at) {
        this.closedBy = by;
        this.closedAt = at;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Category getCategory() {
        return category;
    }

    public Audience getAudience() {
        return audience;
    }

    public String getAudienceGroups() {
        return audienceGroups;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public LocalDate getLastSessionDate() {
        return lastSessionDate;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public List<TrainingSession> getSessions() {
        return sessions;
    }
}
