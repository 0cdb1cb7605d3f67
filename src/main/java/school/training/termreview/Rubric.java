package school.training.termreview;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * Scores one teacher's term on the rubric: pre-computed items from the facts (training hours, overdue
 * report-backs) and judged items from the group leader (archive, lesson plans, observation, attendance).
 * No item goes below zero; the total stays within 0 and 100 plus the attendance bonus.
 */
@Component
public class Rubric {

    /** What the system knows about the term. */
    public record Facts(BigDecimal termHours, int overdueReports) {
    }

    /** What the group leader judged. {@code attendance}: normal, excellent or failed. */
    public record Judgement(int archiveDeduction, int missingLessonPlans, int observationDeduction, String attendance) {
    }

    public record Sheet(int archive, int lessonPlans, int trainingHours, int observation, int reportBack,
            int attendance, BigDecimal total) {
    }

    private final RubricSettings settings;

    public Rubric(RubricSettings settings) {
        this.settings = settings;
    }

    public Sheet score(Facts facts, Judgement judgement) {
        int archive = floor(settings.archivePoints() - Math.min(judgement.archiveDeduction(), settings.archiveMaxDeduction()));
        int lessonPlans = floor(settings.lessonPlanPoints() - judgement.missingLessonPlans() * settings.lessonPlanDeduction());
        int missingHours = BigDecimal.valueOf(settings.requiredHours()).subtract(facts.termHours())
                .setScale(0, RoundingMode.CEILING).max(BigDecimal.ZERO).intValue();
        int trainingHours = floor(settings.trainingHoursPoints() - missingHours * settings.hourDeduction());
        int observation = floor(settings.observationPoints() - judgement.observationDeduction());
        int reportBack = floor(settings.reportBackPoints() - facts.overdueReports() * settings.overdueReportDeduction());
        int attendance = switch (String.valueOf(judgement.attendance())) {
            case "excellent" -> settings.excellentBonus();
            case "failed" -> -settings.failedPenalty();
            default -> 0;
        };
        int total = Math.max(0, archive + lessonPlans + trainingHours + observation + reportBack + attendance);
        return new Sheet(archive, lessonPlans, trainingHours, observation, reportBack, attendance, BigDecimal.valueOf(total));
    }

    private static int floor(int points) {
        return Math.max(0, points);
    }
}
