package school.training.lessonplans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonthlyLessonPlanRepository extends JpaRepository<MonthlyLessonPlan, Long> {

    Optional<MonthlyLessonPlan> findByTeacherIdAndMonthStart(String teacherId, LocalDate monthStart);

    List<MonthlyLessonPlan> findByTeacherIdAndMonthStartBetweenOrderByMonthStart(String teacherId, LocalDate from,
            LocalDate to);

    /** Every plan of these teachers in the period, one query (the grid, the export). */
    List<MonthlyLessonPlan> findByTeacherIdInAndMonthStartBetween(Collection<String> teacherIds, LocalDate from,
            LocalDate to);

    /** (teacher id, month start, status) of these teachers' plans in the period: the tallies, without the texts. */
    @Query("select p.teacherId, p.monthStart, p.status from MonthlyLessonPlan p"
            + " where p.teacherId in :teachers and p.monthStart between :from and :to")
    List<Object[]> statesOf(@Param("teachers") Collection<String> teachers, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    /** Teachers who handed in a plan for the month that is waiting or accepted (no reminder for them). */
    @Query("select p.teacherId from MonthlyLessonPlan p where p.monthStart = :month and p.status <> :returned")
    List<String> handedIn(@Param("month") LocalDate month, @Param("returned") PlanStatus returned);
}
