package school.training.lessonplans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code training.lesson-plans} in application.yml: how many days before a teaching month ends a teacher without
 * a plan for it is reminded (once a month), and the days a returned plan is given to be redone by default.
 */
@ConfigurationProperties("training.lesson-plans")
public record LessonPlanSettings(@DefaultValue("3") int remindDaysBeforeMonthEnd, @DefaultValue("7") int redoDays) {
}
