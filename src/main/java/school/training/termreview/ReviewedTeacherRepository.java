package school.training.termreview;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.AvailableHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface ReviewedTeacherRepository extends JpaRepository<ReviewedTeacher, Long> {

    @Query("select m.teacherId from ReviewedTeacher m where m.term = :term and m.teacherId in :teachers")
    List<String> alreadyReviewed(String term, Collection<String> teachers);

    /** The next members of one worker's share of a campaign still without a review, in a stable order. */
    @Query("""
            select m from ReviewedTeacher m where m.campaignId = :campaignId and m.processInstanceId is null
            and mod(m.id, :workers) = :worker order by m.id""")
    List<ReviewedTeacher> unopened(Long campaignId, int workers, int worker, Pageable page);

    long countByCampaignIdAndProcessInstanceIdIsNull(Long campaignId);

    /**
     * How many of these members another transaction has given a review (committed): this transaction's own
     * reviews are not written yet (flush at commit), so they do not count.
     */
    @QueryHints(@QueryHint(name = AvailableHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select count(m) from ReviewedTeacher m where m.id in :ids and m.processInstanceId is not null")
    long openedMeanwhile(Collection<Long> ids);

    long countByCampaignIdAndProcessInstanceIdIsNotNull(Long campaignId);

    @Query("select m.processInstanceId from ReviewedTeacher m where m.campaignId = :campaignId and m.processInstanceId is not null")
    List<String> startedReviews(Long campaignId);

    /**
     * Every started review of a campaign as its records say where it stands: process instance, teacher, her name and
     * group as the review started, its open step and state (request_summary, kept by the engine's listeners).
     */
    @Query("""
            select m.processInstanceId, m.teacherId, s.applicantName, s.teachingGroupId, s.step, s.state
            from ReviewedTeacher m join RequestOverview s on s.processInstanceId = m.processInstanceId
            where m.campaignId = :campaignId""")
    List<Object[]> standings(Long campaignId);

    @Modifying
    @Query("delete from ReviewedTeacher m where m.campaignId = :campaignId")
    int release(Long campaignId);
}
