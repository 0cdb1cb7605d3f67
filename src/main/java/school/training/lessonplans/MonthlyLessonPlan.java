package school.training.lessonplans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * One teacher's 优质教案与教学反思 for one teaching month. The month is stored as its first day, so it indexes,
 * sorts and compares with a period's dates; one record per teacher and month (a returned plan is redone in the
 * same record). Files are attachment ids; the bytes stay with {@code attachments}.
 */
@Entity
@Table(name = "monthly_lesson_plan",
        uniqueConstraints = @UniqueConstraint(name = "uk_monthly_lesson_plan", columnNames = { "teacher_id", "month_start" }),
        indexes = { @Index(name = "ix_monthly_lesson_plan_month", columnList = "month_start, status") })
public class MonthlyLessonPlan {

    static final int TITLE_LENGTH = 200;
    static final int PLAN_LENGTH = 20000;
    static final int REFLECTION_LENGTH = 10000;
    static final int COMMENT_LENGTH = 1000;

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    @Column(name = "month_start", nullable = false)
    private LocalDate monthStart;
    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;
    @Column(name = "plan_text", length = PLAN_LENGTH)
    private String planText;
    @Column(length = REFLECTION_LENGTH)
    private String reflection;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "monthly_lesson_plan_file", joinColumns = @JoinColumn(name = "plan_id"),
            indexes = @Index(name = "ix_monthly_lesson_plan_file_plan", columnList = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "attachment_id", nullable = false, length = 64)
    private List<String> attachmentIds = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PlanStatus status;
    @Column(name = "leader_comment", length = COMMENT_LENGTH)
    private String leaderComment;
    @Column(name = "redo_by")
    private LocalDate redoBy;
    @Column(name = "checked_by", length = 64)
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Version
    private long version;

    protected MonthlyLessonPlan() {
    }

    MonthlyLessonPlan(String teacherId, YearMonth month) {
        this.teacherId = teacherId;
        this.monthStart = month.atDay(1);
    }

    /** Hands the plan in (first time, or redone after a return): back to the leader, last check forgotten. */
    void submit(String title, String planText, String reflection, List<String> attachmentIds, Instant at) {
        this.title = title;
        this.planText = planText;
        this.reflection = reflection;
        this.attachmentIds.clear();
        this.attachmentIds.addAll(attachmentIds);
        this.status = PlanStatus.SUBMITTED;
        this.submittedAt = at;
        this.checkedBy = null;
        this.checkedAt = null;
        this.redoBy = null;
        // the leader's last comment stays: the teacher redid the plan because of it, the leader sees what they asked
    }

    void accept(String by, Instant at) {
        this.status = PlanStatus.ACCEPTED;
        this.checkedBy = by;
        this.checkedAt = at;
        this.redoBy = null;
    }

    void giveBack(String by, Instant at, String comment, LocalDate redoBy) {
        this.status = PlanStatus.RETURNED;
        this.checkedBy = by;
        this.checkedAt = at;
        this.leaderComment = comment;
        this.redoBy = redoBy;
    }

    public Long getId() {
        return id;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public YearMonth getMonth() {
        return YearMonth.from(monthStart);
    }

    public LocalDate getMonthStart() {
        return monthStart;
    }

    public String getTitle() {
        return title;
    }

    public String getPlanText() {
        return planText;
    }

    public String getReflection() {
        return reflection;
    }

    public List<String> getAttachmentIds() {
        return List.copyOf(attachmentIds);
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getLeaderComment() {
        return leaderComment;
    }

    public LocalDate getRedoBy() {
        return redoBy;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }
}
