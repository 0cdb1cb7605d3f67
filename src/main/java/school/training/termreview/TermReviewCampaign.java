package school.training.termreview;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One term's review as the office opened it: which term, for whom (the school or one group), when. */
@Entity
public class TermReviewCampaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String termLabel;
    private LocalDate termStart;
    private LocalDate termEnd;
    private LocalDate selfAssessmentDue;
    private String teachingGroupId;
    private String openedBy;
    private Instant openedAt;
    private int reviews;
    /** Teachers left out because the term's review was already opened for them by another campaign. */
    private Integer skipped;
    /** Reviews started so far; each chunk of a background opening moves it on (and so meets a cancellation). */
    private Integer opened;
    /** Null for campaigns opened before campaigns had a state: they were opened in one transaction, so open. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Status status;
    @Column(length = 1000)
    private String failure;
    private String cancelledBy;
    private Instant cancelledAt;
    @Version
    private Long version;

    /** A campaign opens its reviews at once (small) or in the background (large), and may be cancelled. */
    public enum Status {
        OPENING, OPEN, FAILED, CANCELLED
    }

    protected TermReviewCampaign() {
    }

    TermReviewCampaign(String termLabel, LocalDate termStart, LocalDate termEnd, LocalDate selfAssessmentDue,
            String teachingGroupId, String openedBy, Instant openedAt) {
        this.termLabel = termLabel;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.selfAssessmentDue = selfAssessmentDue;
        this.teachingGroupId = teachingGroupId;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTermLabel() {
        return termLabel;
    }

    public LocalDate getTermStart() {
        return termStart;
    }

    public LocalDate getTermEnd() {
        return termEnd;
    }

    public LocalDate getSelfAssessmentDue() {
        return selfAssessmentDue;
    }

    public String getTeachingGroupId() {
        return teachingGroupId;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public int getReviews() {
        return reviews;
    }

    void setReviews(int reviews) {
        this.reviews = reviews;
    }

    public int getOpened() {
        return opened == null ? reviews : opened;
    }

    void setOpened(int opened) {
        this.opened = opened;
    }

    public int getSkipped() {
        return skipped == null ? 0 : skipped;
    }

    void setSkipped(int skipped) {
        this.skipped = skipped;
    }

    public Status getStatus() {
        return status == null ? Status.OPEN : status;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    public String getFailure() {
        return failure;
    }

    void failed(String failure) {
        this.status = Status.FAILED;
        this.failure = failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000));
    }

    void cancelled(String by, Instant at) {
        this.status = Status.CANCELLED;
        this.cancelledBy = by;
        this.cancelledAt = at;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public boolean isOpening() {
        return getStatus() == Status.OPENING;
    }
}
