package school.training.termreview;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReviewedTeacherRepository extends JpaRepository<ReviewedTeacher, Long> {

    @Query("select m.teacherId from ReviewedTeacher m where m.term = :term and m.teacherId in :teachers")
    List<String> alreadyReviewed(String term, Collection<String> teachers);

    /** The next members of a campaign still without a review, in a stable order. */
    List<ReviewedTeacher> findByCampaignIdAndProcessInstanceIdIsNullOrderByIdAsc(Long campaignId, Pageable page);

    long countByCampaignIdAndProcessInstanceIdIsNotNull(Long campaignId);

    @Query("select m.processInstanceId from ReviewedTeacher m where m.campaignId = :campaignId and m.processInstanceId is not null")
    List<String> startedReviews(Long campaignId);

    @Modifying
    @Query("delete from ReviewedTeacher m where m.campaignId = :campaignId")
    int release(Long campaignId);
}
