package school.training.termreview;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * Scores one teacher's term on the rubric: pre-computed items from the facts (training hours, overdue
 * report-backs, training results) and judged items from the group leader (archive, lesson plans, observation).
 * No item goes below zero; the total stays within 0 and 100 plus the attendance bonus.
 */
@Component
public class Rubric {

    /**
     * What the system knows about the term. {@code excellentTrainings} and {@code failedTrainings}: the school
     * trainings closed in the term with that result for the teacher, each project once.
     */
    public record Facts(BigDecimal termHours, int overdueReports, int excellentTrainings, int failedTrainings) {

        /** Without training results (none recorded). */
        public Facts(BigDecimal termHours, int overdueReports) {
            this(termHours, overdueReports, 0, 0);
        }
    }

    /** What the group leader judged (confirming what the records imply, or overriding it with a reason). */
    public record Judgement(int archiveDeduction, int missingLessonPlans, int observationDeduction) {
    }

    /**
     * What the term's records say about the judged items: archive checklist items missing, monthly lesson plans
     * not accepted, observations short of the quota, research activities short of the requirement.
     */
    public record Shortfalls(int archiveItems, int lessonPlans, int observations, int activities) {
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
        int attendance = attendance(facts.excellentTrainings(), facts.failedTrainings());
        int total = Math.max(0, archive + lessonPlans + trainingHours + observation + reportBack + attendance);
        return new Sheet(archive, lessonPlans, trainingHours, observation, reportBack, attendance, BigDecimal.valueOf(total));
    }

    /**
     * The judged items as the records imply them, by the settings: an incomplete archive costs
     * {@code archiveItemDeduction} per missing item, at least {@code archiveMinDeduction} and at most
     * {@code archiveMaxDeduction} (seed: 2–8); each month without an accepted plan is one missing plan; each
     * observation short of the quota and each research activity short of the requirement costs its deduction,
     * together at most the observation item's points.
     */
    public Judgement fromRecords(Shortfalls shortfalls) {
        int archive = shortfalls.archiveItems() <= 0 ? 0
                : Math.min(settings.archiveMaxDeduction(),
                        Math.max(settings.archiveMinDeduction(), shortfalls.archiveItems() * settings.archiveItemDeduction()));
        int lessonPlans = Math.min(Math.max(0, shortfalls.lessonPlans()), settings.lessonPlanPoints() / settings.lessonPlanDeduction());
        int observation = Math.min(settings.observationPoints(),
                Math.max(0, shortfalls.observations()) * settings.observationShortfallDeduction()
                        + Math.max(0, shortfalls.activities()) * settings.activityShortfallDeduction());
        return new Judgement(archive, lessonPlans, observation);
    }

    /**
     * The attendance item (培训考勤) from the training records: +bonus for each excellent result, −penalty for
     * each failed one, the sum kept within −penalty and +bonus — a failed training costs the full penalty
     * unless excellent results elsewhere offset part of it, and many excellent results add one bonus.
     */
    int attendance(int excellentTrainings, int failedTrainings) {
        int sum = excellentTrainings * settings.excellentBonus() - failedTrainings * settings.failedPenalty();
        return Math.max(-settings.failedPenalty(), Math.min(settings.excellentBonus(), sum));
    }

    private static int floor(int points) {
        return Math.max(0, points);
    }
}
