package school.training.lessonplans;

/**
 * A teaching month as the pages show it: accepted, waiting for the leader, returned to redo, missing (the month is
 * over and nothing was handed in), due (the current month, nothing handed in yet), or not yet begun.
 */
enum MonthState {
    ACCEPTED, SUBMITTED, RETURNED, MISSING, DUE, UPCOMING;

    static MonthState of(MonthlyLessonPlan plan, java.time.YearMonth month, java.time.YearMonth current) {
        if (plan != null) {
            return switch (plan.getStatus()) {
                case ACCEPTED -> ACCEPTED;
                case SUBMITTED -> SUBMITTED;
                case RETURNED -> RETURNED;
            };
        }
        if (month.isBefore(current)) {
            return MISSING;
        }
        return month.equals(current) ? DUE : UPCOMING;
    }
}
