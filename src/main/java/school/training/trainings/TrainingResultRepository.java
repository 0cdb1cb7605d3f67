package school.training.trainings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingResultRepository extends JpaRepository<TrainingResult, Long> {

    List<TrainingResult> findByProjectIdOrderByTeacherId(Long projectId);

    Optional<TrainingResult> findByProjectIdAndTeacherId(Long projectId, String teacherId);

    boolean existsByProjectIdAndTeacherId(Long projectId, String teacherId);

    /** Results of projects closed whose last session lies in [from, to]: the term review's attendance item. */
    @Query("select r.projectId, r.result from TrainingResult r, TrainingProject p where p.id = r.projectId"
            + " and r.teacherId = :teacher and p.closedAt is not null and p.lastSessionDate between :from and :to"
            + " and r.result is not null order by p.id")
    List<Object[]> closedResultsOf(@Param("teacher") String teacher, @Param("from") LocalDate from,
            @Param("to") LocalDate to);
}
