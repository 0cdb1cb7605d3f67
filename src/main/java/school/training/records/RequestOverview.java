package school.training.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The read model of one request (process instance): what lists show about it, kept current by the
 * engine's own listeners (start, task create and complete, process end) in the step's transaction, so
 * home pages and the office dashboard query one indexed table instead of every variable of every
 * instance. Facts come from the step records ({@link RequestRecords#facts}), never from variables a
 * later task could change; the applicant's name and teaching group are those at the request's start.
 */
@Entity
@Table(name = "request_summary", indexes = {
        @Index(name = "request_summary_applicant", columnList = "applicant, startedAt"),
        @Index(name = "request_summary_step", columnList = "processKey, state, step, waitingSince"),
        @Index(name = "request_summary_group", columnList = "teachingGroupId, processKey, state"),
        @Index(name = "request_summary_trip", columnList = "processKey, step, endDate"),
        @Index(name = "request_summary_trip_start", columnList = "processKey, startDate"),
        @Index(name = "request_summary_waiting", columnList = "processKey, state, waitingSince, step, processInstanceId") })
public class RequestOverview {

    /** Where a request stands; the end event (or waiting step) says more, see {@link #getStatus()}. */
    public enum State {
        RUNNING, COMPLETED, WITHDRAWN, REJECTED
    }

    @Id
    @Column(length = 64)
    private String processInstanceId;
    @Column(length = 64, nullable = false)
    private String processKey;
    @Column(length = 64)
    private String applicant;
    @Column(length = 100)
    private String applicantName;
    @Column(length = 64)
    private String teachingGroupId;
    @Column(length = 500)
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private State state = State.RUNNING;
    /** The end event it finished in (the last one reached while running); null when it was deleted. */
    @Column(length = 64)
    private String endActivityId;
    /** The open steps (user tasks and waits such as {@code tripEnds}), comma-delimited: {@code ,a,b,}. */
    @Column(length = 500, nullable = false)
    private String openSteps = ",";
    /** One open step, the latest opened; what the lists filter on (a request waits in one step at a time). */
    @Column(length = 64)
    private String step;
    /** When {@link #step} opened. */
    private Instant waitingSince;
    /** The open task's due date when it was created, as the app's local time. */
    private LocalDateTime due;
    @Column(length = 64)
    private String approvalNumber;
    @Column(precision = 12, scale = 2)
    private BigDecimal reimbursableTotal;
    @Column(nullable = false)
    private Instant startedAt;
    private Instant endedAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected RequestOverview() {
    }

    RequestOverview(String processInstanceId, String processKey, Instant startedAt) {
        this.processInstanceId = processInstanceId;
        this.processKey = processKey;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    void applicant(String applicant, String name, String groupId) {
        this.applicant = applicant;
        this.applicantName = name;
        this.teachingGroupId = groupId;
    }

    void facts(String title, LocalDate startDate, LocalDate endDate, String approvalNumber) {
        this.title = title == null ? null : title.length() > 500 ? title.substring(0, 500) : title;
        this.startDate = startDate;
        this.endDate = endDate;
        if (approvalNumber != null) {
            this.approvalNumber = approvalNumber.length() > 64 ? approvalNumber.substring(0, 64) : approvalNumber;
        }
    }

    void reimbursableTotal(BigDecimal total) {
        this.reimbursableTotal = total;
    }

    void opened(String activityId, Instant at, LocalDateTime due) {
        Set<String> open = open();
        open.add(activityId);
        openSteps = join(open);
        step = activityId;
        waitingSince = at;
        this.due = due;
        updatedAt = at;
    }

    void closed(String activityId, Instant at) {
        Set<String> open = open();
        open.remove(activityId);
        openSteps = join(open);
        if (activityId.equals(step)) {
            step = open.isEmpty() ? null : open.iterator().next();
            due = null;
            if (step == null) {
                waitingSince = null;
            }
        }
        updatedAt = at;
    }

    void ended(State state, String endActivityId, Instant at) {
        this.state = state;
        this.endActivityId = endActivityId;
        this.openSteps = ",";
        this.step = null;
        this.waitingSince = null;
        this.due = null;
        this.endedAt = at;
        this.updatedAt = at;
    }

    void reachedEnd(String endActivityId) {
        this.endActivityId = endActivityId;
    }

    void touched(Instant at) {
        updatedAt = at;
    }

    private Set<String> open() {
        Set<String> open = new LinkedHashSet<>();
        Arrays.stream(openSteps.split(",")).filter(s -> !s.isEmpty()).forEach(open::add);
        return open;
    }

    private static String join(Set<String> steps) {
        String joined = "," + String.join(",", steps) + (steps.isEmpty() ? "" : ",");
        return joined.length() > 500 ? joined.substring(0, 500) : joined;
    }

    /** The status pages translate ({@code status.<status>}): the end event, else the waiting step, else running. */
    public String getStatus() {
        if (state != State.RUNNING) {
            return endActivityId != null ? endActivityId : state.name().toLowerCase();
        }
        return step != null ? step : "running";
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getApplicant() {
        return applicant;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getTeachingGroupId() {
        return teachingGroupId;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public State getState() {
        return state;
    }

    public String getEndActivityId() {
        return endActivityId;
    }

    public Set<String> getOpenSteps() {
        return open();
    }

    public String getStep() {
        return step;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public LocalDateTime getDue() {
        return due;
    }

    public String getApprovalNumber() {
        return approvalNumber;
    }

    public BigDecimal getReimbursableTotal() {
        return reimbursableTotal;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Counts kept from these rows ({@link OverviewChanges}) are worked out again after any change. */
    @PostPersist
    @PostUpdate
    @PostRemove
    void changed() {
        OverviewChanges.noted();
    }
}
