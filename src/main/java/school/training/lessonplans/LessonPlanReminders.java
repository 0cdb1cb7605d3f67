package school.training.lessonplans;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The daily month-end check: from {@code training.lesson-plans.remind-days-before-month-end} days before a
 * teaching month ends, teachers without a plan for it are reminded, once each (see {@link MonthlyPlans#remind}).
 * Daily rather than on the exact day, so a day the app was down only delays the reminder. With several nodes
 * one sends them: the lock is held at least a few minutes, so a node whose clock runs late finds it still taken.
 */
@Component
class LessonPlanReminders {

    private static final Logger log = LoggerFactory.getLogger(LessonPlanReminders.class);

    static final String LOCK = "lesson-plan-reminders";

    private final MonthlyPlans plans;

    LessonPlanReminders(MonthlyPlans plans) {
        this.plans = plans;
    }

    @Scheduled(cron = "${training.lesson-plans.remind-cron:0 0 8 * * *}")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void daily() {
        try {
            int reminded = plans.remind();
            if (reminded > 0) {
                log.info("Reminded {} teachers of this month's lesson plan", reminded);
            }
        } catch (RuntimeException e) {
            // e.g. two nodes at once hit the unique key: the next run reminds whoever is left
            log.warn("Lesson-plan reminders not sent now, the next check tries again: {}", e.toString());
        }
    }
}
