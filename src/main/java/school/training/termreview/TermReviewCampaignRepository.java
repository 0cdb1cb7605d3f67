package school.training.termreview;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TermReviewCampaignRepository extends JpaRepository<TermReviewCampaign, Long> {

    List<TermReviewCampaign> findAllByOrderByIdDesc();

    List<TermReviewCampaign> findByStatus(TermReviewCampaign.Status status);
}
