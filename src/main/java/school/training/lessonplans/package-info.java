/**
 * Monthly lesson plans and reflections (月度优质教案与教学反思, seed 002 §五5(2)): one a teaching month per
 * teacher, checked by the group leader (a leader's own by the principal); a month without an accepted plan is the
 * term review's "−2 each". Teachers hand plans in on {@code /lesson-plans} (late months too, never ahead), checkers
 * accept or return them with a comment and a redo date, an accepted plan goes to the professional archive, the
 * group's grid and CSV are on {@code /lesson-plans/group}, and a reminder goes out before a month ends. Other
 * modules read the records through {@link school.training.lessonplans.LessonPlans}.
 */
package school.training.lessonplans;
