package school.training.lessonplans;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LessonPlanReminderRepository extends JpaRepository<LessonPlanReminder, Long> {

    @Query("select r.teacherId from LessonPlanReminder r where r.monthStart = :month")
    List<String> remindedIn(@Param("month") LocalDate month);
}
