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

interface TrainingSessionRepository extends JpaRepository<TrainingSession, Long> {

    /** Upcoming sessions of projects this teacher takes part in, by date: the calendar list. */
    @Query("select s from TrainingSession s where s.date >= :from and s.project.closedAt is null and s.project.id in "
            + "(select r.projectId from TrainingResult r where r.teacherId = :teacher) order by s.date, s.startTime")
    List<TrainingSession> upcomingFor(@Param("teacher") String teacher, @Param("from") LocalDate from, Pageable page);
}
