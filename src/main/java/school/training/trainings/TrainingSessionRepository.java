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
    @Query("select new school.training.trainings.UpcomingSession(p.id, p.title, s.date, s.startTime, s.endTime, "
            + "s.place) from TrainingSession s join s.project p where s.date >= :from and p.closedAt is null and p.id in "
            + "(select r.projectId from TrainingResult r where r.teacherId = :teacher) order by s.date, s.startTime")
    List<UpcomingSession> upcomingFor(@Param("teacher") String teacher, @Param("from") LocalDate from, Pageable page);
}
