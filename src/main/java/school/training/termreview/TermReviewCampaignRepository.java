package school.training.termreview;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TermReviewCampaignRepository extends JpaRepository<TermReviewCampaign, Long> {

    List<TermReviewCampaign> findAllByOrderByIdDesc();

    List<TermReviewCampaign> findByStatus(TermReviewCampaign.Status status);

    @Query("select c.status from TermReviewCampaign c where c.id = :id")
    TermReviewCampaign.Status statusOf(long id);

    /** The campaign with its row locked until the transaction ends (select … for update). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from TermReviewCampaign c where c.id = :id")
    Optional<TermReviewCampaign> lockById(long id);

    /**
     * The campaign a review belongs to, by the review's {@code campaignId} (a Long as a variable, an Integer as
     * the start record reads it back): the review's term and its dates are the campaign's, a record no client
     * can rewrite, not variables of the review.
     */
    default Optional<TermReviewCampaign> ofReview(Object campaignId) {
        return campaignId instanceof Number id ? findById(id.longValue()) : Optional.empty();
    }
}
