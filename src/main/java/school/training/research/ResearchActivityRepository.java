package school.training.research;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ResearchActivityRepository extends JpaRepository<ResearchActivity, Long> {

    @EntityGraph(attributePaths = { "attendees", "files" })
    List<ResearchActivity> findByGroupIdAndDateBetweenOrderByDateDescIdDesc(String groupId, LocalDate from,
            LocalDate to);

    Optional<ResearchActivity> findBySubmissionToken(String submissionToken);

    /** Activities each person attended in the period: {@code [personId, count]}, one row per person with any. */
    @Query("select p, count(a) from ResearchActivity a join a.attendees p where p in :people"
            + " and a.date between :from and :to group by p")
    List<Object[]> attendedBy(Collection<String> people, LocalDate from, LocalDate to);

    /** Activities each group held in the period: {@code [groupId, count]}. */
    @Query("select a.groupId, count(a) from ResearchActivity a where a.groupId in :groups"
            + " and a.date between :from and :to group by a.groupId")
    List<Object[]> heldBy(Collection<String> groups, LocalDate from, LocalDate to);
}
