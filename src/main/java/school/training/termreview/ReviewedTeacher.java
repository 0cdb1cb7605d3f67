package school.training.termreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A teacher in a campaign, and her review once started. One per teacher and term, by a unique key: opening
 * 语文组 and then the whole school for the same term leaves 语文组's teachers out of the second, and two clerks
 * opening overlapping campaigns at once cannot give anyone two reviews.
 */
@Entity
@Table(name = "term_review_member",
        uniqueConstraints = @UniqueConstraint(name = "uk_term_review_member_term", columnNames = { "teacher_id", "term" }),
        indexes = @Index(name = "ix_term_review_member_campaign", columnList = "campaign_id, process_instance_id"))
class ReviewedTeacher {

    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;
    @Column(name = "teacher_id", nullable = false, length = 64)
    private String teacherId;
    /** The school term, e.g. 2026-1 ({@code ledger.Term}: start year and number). */
    @Column(nullable = false, length = 16)
    private String term;
    /** Null until the review is started. */
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected ReviewedTeacher() {
    }

    ReviewedTeacher(Long campaignId, String teacherId, String term) {
        this.campaignId = campaignId;
        this.teacherId = teacherId;
        this.term = term;
    }

    Long getId() {
        return id;
    }

    Long getCampaignId() {
        return campaignId;
    }

    String getTeacherId() {
        return teacherId;
    }

    String getTerm() {
        return term;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }
}
