package school.training.termreview;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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
}
