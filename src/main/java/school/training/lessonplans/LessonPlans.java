package school.training.lessonplans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.ledger.SchoolCalendar;
import school.training.ledger.Term;

/** The lesson-plan facade other modules use (the term review, the overview). */
@Service
@Transactional(readOnly = true)
public class LessonPlans {

    private final SchoolCalendar calendar;
    private final MonthlyLessonPlanRepository plans;
    private final Clock clock;

    LessonPlans(SchoolCalendar calendar, MonthlyLessonPlanRepository plans, Clock clock) {
        this.calendar = calendar;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Each teacher's plans over the period (a term, for the review): every teaching month of the period is due;
     * a month counts as accepted only when its plan is accepted. A few queries whatever the number of teachers.
     */
    public Map<String, PlanTally> tally(Collection<String> teachers, LocalDate from, LocalDate to) {
        List<YearMonth> due = calendar.teachingMonths(from, to);
        Map<String, Map<YearMonth, PlanStatus>> states = states(teachers, due);
        Map<String, PlanTally> tallies = new LinkedHashMap<>();
        for (String teacher : teachers) {
            Map<YearMonth, PlanStatus> mine = states.getOrDefault(teacher, Map.of());
            List<YearMonth> accepted = new ArrayList<>();
            List<YearMonth> missing = new ArrayList<>();
            for (YearMonth month : due) {
                (mine.get(month) == PlanStatus.ACCEPTED ? accepted : missing).add(month);
            }
            tallies.put(teacher, new PlanTally(due, accepted, missing));
        }
        return tallies;
    }

    /**
     * Each teacher's plans for the current term so far: the teaching months from the term's start up to and
     * including the current month are due (see {@link PlanProgress}). One query whatever the number of teachers.
     */
    public Map<String, PlanProgress> termSoFar(Collection<String> teachers) {
        LocalDate today = LocalDate.now(clock);
        List<YearMonth> due = calendar.teachingMonths(Term.containing(today).start(), today);
        Map<String, Map<YearMonth, PlanStatus>> states = states(teachers, due);
        Map<String, PlanProgress> progress = new LinkedHashMap<>();
        for (String teacher : teachers) {
            Map<YearMonth, PlanStatus> mine = states.getOrDefault(teacher, Map.of());
            int submitted = 0;
            int accepted = 0;
            for (YearMonth month : due) {
                PlanStatus status = mine.get(month);
                submitted += status == null ? 0 : 1;
                accepted += status == PlanStatus.ACCEPTED ? 1 : 0;
            }
            progress.put(teacher, new PlanProgress(due.size(), submitted, accepted, due.size() - accepted));
        }
        return progress;
    }

    /** teacher → month → status of the plans in the months given (ascending), from one query. */
    private Map<String, Map<YearMonth, PlanStatus>> states(Collection<String> teachers, List<YearMonth> months) {
        Map<String, Map<YearMonth, PlanStatus>> states = new HashMap<>();
        if (teachers.isEmpty() || months.isEmpty()) {
            return states;
        }
        LocalDate from = months.get(0).atDay(1);
        LocalDate to = months.get(months.size() - 1).atDay(1);
        for (List<String> chunk : chunks(List.copyOf(teachers))) {
            for (Object[] row : plans.statesOf(chunk, from, to)) {
                YearMonth month = YearMonth.from((LocalDate) row[1]);
                if (months.contains(month)) {
                    states.computeIfAbsent((String) row[0], t -> new HashMap<>()).put(month, (PlanStatus) row[2]);
                }
            }
        }
        return states;
    }

    /** A whole school in a few IN lists, never one statement per teacher nor a list too long for the database. */
    private static List<List<String>> chunks(List<String> teachers) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < teachers.size(); i += 500) {
            chunks.add(teachers.subList(i, Math.min(teachers.size(), i + 500)));
        }
        return chunks;
    }
}
