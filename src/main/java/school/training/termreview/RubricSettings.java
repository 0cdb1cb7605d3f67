package school.training.termreview;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scoring rubric of seed 002 §五5, every number a school may change in application.yml
 * ({@code training.term-review}) without a code change. Grade lines are in the DMN table
 * {@code termReviewGrade}.
 */
@ConfigurationProperties("training.term-review")
public record RubricSettings(Integer archivePoints, Integer archiveMaxDeduction, Integer lessonPlanPoints,
        Integer lessonPlanDeduction, Integer trainingHoursPoints, Integer requiredHours, Integer hourDeduction,
        Integer observationPoints, Integer reportBackPoints, Integer overdueReportDeduction, Integer excellentBonus,
        Integer failedPenalty, Integer appealDays, Integer selfAssessmentDays, Integer archiveItemDeduction,
        Integer archiveMinDeduction, Integer observationShortfallDeduction, Integer activityShortfallDeduction,
        Integer openAtOnceUpTo, Integer openChunk, Integer openWorkers) {

    public RubricSettings {
        archivePoints = or(archivePoints, 10);
        archiveMaxDeduction = or(archiveMaxDeduction, 8);
        lessonPlanPoints = or(lessonPlanPoints, 32);
        lessonPlanDeduction = or(lessonPlanDeduction, 2);
        trainingHoursPoints = or(trainingHoursPoints, 30);
        requiredHours = or(requiredHours, 15);
        hourDeduction = or(hourDeduction, 2);
        observationPoints = or(observationPoints, 20);
        reportBackPoints = or(reportBackPoints, 8);
        overdueReportDeduction = or(overdueReportDeduction, 4);
        excellentBonus = or(excellentBonus, 2);
        failedPenalty = or(failedPenalty, 5);
        appealDays = or(appealDays, 3);
        selfAssessmentDays = or(selfAssessmentDays, 7);
        // what the term's records imply for the judged items (seed 002 §五5(1): an incomplete archive −2 to −8)
        archiveItemDeduction = or(archiveItemDeduction, 2);
        archiveMinDeduction = or(archiveMinDeduction, 2);
        observationShortfallDeduction = or(observationShortfallDeduction, 1);
        activityShortfallDeduction = or(activityShortfallDeduction, 2);
        // a campaign of up to this many reviews opens in the office's request; a larger one in the background
        openAtOnceUpTo = or(openAtOnceUpTo, 200);
        openChunk = or(openChunk, 100);
        // chunks opened side by side: the engine's work per review is CPU-bound, so about one per core
        openWorkers = Math.max(1, Math.min(4, or(openWorkers, 2)));
    }

    private static Integer or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
