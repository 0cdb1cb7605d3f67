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
}
