package school.training.lessonplans;

/**
 * One teacher's plans for the term so far (the overview): the teaching months due up to and including the current
 * month, how many of them have a plan handed in (waiting, accepted or returned), how many are accepted, and how
 * many are missing — due and not accepted, the current month included until its plan is accepted, as the term
 * review counts them.
 */
public record PlanProgress(int due, int submitted, int accepted, int missing) {
}
