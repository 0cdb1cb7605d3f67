package school.training.observations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LessonObservationRepository extends JpaRepository<LessonObservation, Long> {

    List<LessonObservation> findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(String observerId,
            LocalDate from, LocalDate to);

    List<LessonObservation> findByObservedIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(String observedId,
            LocalDate from, LocalDate to);

    Optional<LessonObservation> findBySubmissionToken(String submissionToken);

    /** Each observer's count in the period, one row per observer that has any: {@code [observerId, count]}. */
    @Query("select o.observerId, count(o) from LessonObservation o where o.observerId in :observers"
            + " and o.lessonDate between :from and :to group by o.observerId")
    List<Object[]> countByObserver(Collection<String> observers, LocalDate from, LocalDate to);
}
