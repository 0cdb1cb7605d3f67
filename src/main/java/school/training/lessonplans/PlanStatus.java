package school.training.lessonplans;

/** Where a month's plan stands: handed in and waiting for the leader, accepted (counts), or returned to redo. */
public enum PlanStatus {
    SUBMITTED, ACCEPTED, RETURNED
}
