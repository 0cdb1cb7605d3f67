package school.training.lessonplans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.ledger.SchoolCalendar;

/** The lesson-plan facade other modules use (the term review). */
@Service
@Transactional(readOnly = true)
public class LessonPlans {

    private final SchoolCalendar calendar;

    LessonPlans(SchoolCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Each teacher's plans over the period (a term, for the review): every teaching month of the period is due;
     * a month counts as accepted only when its plan is accepted. A few queries whatever the number of teachers.
     */
    public Map<String, PlanTally> tally(Collection<String> teachers, LocalDate from, LocalDate to) {
        // skeleton: to be backed by the monthly_lesson_plan records
        Map<String, PlanTally> tallies = new HashMap<>();
        for (String teacher : teachers) {
            tallies.put(teacher, new PlanTally(calendar.teachingMonths(from, to), calendar.teachingMonths(from, to),
                    java.util.List.of()));
        }
        return tallies;
    }
}
