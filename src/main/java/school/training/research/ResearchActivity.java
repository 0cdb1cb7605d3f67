package school.training.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * One research activity of a teaching group (教研活动): theme, date, place, who attended, the minutes (记录) and
 * files. Attendees are a collection table indexed by person, so "how many did each teacher attend" is one
 * query. The submission token makes a double click one activity.
 */
@Entity
@Table(name = "research_activity", indexes = @Index(name = "ix_research_activity_group", columnList = "group_id, activity_date"),
        uniqueConstraints = @UniqueConstraint(name = "uk_research_activity_token", columnNames = "submission_token"))
public class ResearchActivity {

    static final int THEME_LENGTH = 100;
    static final int PLACE_LENGTH = 60;
    static final int MINUTES_LENGTH = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "group_id", nullable = false, length = 64)
    private String groupId;
    @Column(nullable = false, length = THEME_LENGTH)
    private String theme;
    @Column(name = "activity_date", nullable = false)
    private LocalDate date;
    @Column(length = PLACE_LENGTH)
    private String place;
    // small (a group's members, a few files) and read with every activity: loaded with it
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "research_activity_attendee", joinColumns = @JoinColumn(name = "activity_id"),
            indexes = @Index(name = "ix_research_attendee_person", columnList = "person_id"))
    @Column(name = "person_id", nullable = false, length = 64)
    private Set<String> attendees = new LinkedHashSet<>();
    @Column(nullable = false, length = MINUTES_LENGTH)
    private String minutes;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "research_activity_file", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "position")
    @Column(name = "attachment_id", nullable = false, length = 64)
    private List<String> files = new ArrayList<>();
    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "submission_token", length = 64)
    private String submissionToken;
    @Version
    private long version;

    protected ResearchActivity() {
    }

    ResearchActivity(String groupId, String recordedBy, Instant recordedAt, String submissionToken) {
        this.groupId = groupId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.submissionToken = submissionToken;
    }

    void change(ActivityForm.Checked checked) {
        this.theme = checked.theme();
        this.date = checked.date();
        this.place = checked.place();
        this.minutes = checked.minutes();
        this.attendees.clear();
        this.attendees.addAll(checked.attendees());
        this.files.clear();
        this.files.addAll(checked.files());
    }

    public Long getId() {
        return id;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getTheme() {
        return theme;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getPlace() {
        return place;
    }

    public Set<String> getAttendees() {
        return attendees;
    }

    public String getMinutes() {
        return minutes;
    }

    public List<String> getFiles() {
        return files;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public long getVersion() {
        return version;
    }
}
