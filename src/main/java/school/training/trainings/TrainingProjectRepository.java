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

interface TrainingProjectRepository extends JpaRepository<TrainingProject, Long> {

    /** Closing takes the row lock: a second close waits, then sees the project closed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from TrainingProject p where p.id = :id")
    Optional<TrainingProject> findForUpdate(@Param("id") Long id);

    Optional<TrainingProject> findByPlanToken(String planToken);

    Page<TrainingProject> findAllByOrderByLastSessionDateDescIdDesc(Pageable page);

    Page<TrainingProject> findByGroupIdOrderByLastSessionDateDescIdDesc(String groupId, Pageable page);

    @Query("select p from TrainingProject p where p.id in (select r.projectId from TrainingResult r where r.teacherId = :teacher)"
            + " order by p.lastSessionDate desc, p.id desc")
    Page<TrainingProject> findOfParticipant(@Param("teacher") String teacher, Pageable page);
}
