package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The rubric of seed 002 §五5 with the school's default numbers, at its edges. */
class RubricTests {

    final Rubric rubric = new Rubric(new RubricSettings(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null));

    static Rubric.Facts hours(String hours, int overdueReports) {
        return new Rubric.Facts(new BigDecimal(hours), overdueReports);
    }

    static final Rubric.Judgement NOTHING_WRONG = new Rubric.Judgement(0, 0, 0);

    @Test
    void aFlawlessTermScoresOneHundred() {
        assertThat(rubric.score(hours("15", 0), NOTHING_WRONG).total()).isEqualByComparingTo("100");
    }

    @Test
    void fifteenHoursAreEnoughFourteenCostTwoPoints() {
        assertThat(rubric.score(hours("15", 0), NOTHING_WRONG).trainingHours()).isEqualTo(30);
        assertThat(rubric.score(hours("14", 0), NOTHING_WRONG).trainingHours()).isEqualTo(28);
        assertThat(rubric.score(hours("14.5", 0), NOTHING_WRONG).trainingHours()).isEqualTo(28);
        assertThat(rubric.score(hours("0", 0), NOTHING_WRONG).trainingHours()).isZero();
    }

    @Test
    void eachMissingLessonPlanCostsTwoPointsDownToZero() {
        assertThat(rubric.score(hours("15", 0), new Rubric.Judgement(0, 3, 0)).lessonPlans()).isEqualTo(26);
        assertThat(rubric.score(hours("15", 0), new Rubric.Judgement(0, 20, 0)).lessonPlans()).isZero();
    }

    @Test
    void twoOverdueReportBacksCostEightPoints() {
        assertThat(rubric.score(hours("15", 1), NOTHING_WRONG).reportBack()).isEqualTo(4);
        assertThat(rubric.score(hours("15", 2), NOTHING_WRONG).reportBack()).isZero();
        assertThat(rubric.score(hours("15", 3), NOTHING_WRONG).reportBack()).isZero();
    }

    @Test
    void attendanceAddsTwoForExcellentResultsAndTakesFiveForAFailedTraining() {
        assertThat(rubric.score(trainings(1, 0), NOTHING_WRONG).total()).isEqualByComparingTo("102");
        assertThat(rubric.score(trainings(0, 1), NOTHING_WRONG).total()).isEqualByComparingTo("95");
        assertThat(rubric.score(trainings(0, 0), NOTHING_WRONG).attendance()).isZero();
    }

    @Test
    void eachProjectCountsOnceTheSumStaysWithinTheBonusAndThePenalty() {
        assertThat(rubric.score(trainings(3, 0), NOTHING_WRONG).attendance()).as("one bonus at most").isEqualTo(2);
        assertThat(rubric.score(trainings(0, 2), NOTHING_WRONG).attendance()).as("one penalty at most").isEqualTo(-5);
        assertThat(rubric.score(trainings(1, 1), NOTHING_WRONG).attendance()).as("2 - 5").isEqualTo(-3);
        assertThat(rubric.score(trainings(3, 1), NOTHING_WRONG).attendance()).as("6 - 5").isEqualTo(1);
    }

    static Rubric.Facts trainings(int excellent, int failed) {
        return new Rubric.Facts(new BigDecimal("15"), 0, excellent, failed);
    }

    @Test
    void anIncompleteArchiveLosesAtMostEight() {
        assertThat(rubric.score(hours("15", 0), new Rubric.Judgement(3, 0, 0)).archive()).isEqualTo(7);
        assertThat(rubric.score(hours("15", 0), new Rubric.Judgement(10, 0, 0)).archive()).isEqualTo(2);
    }

    @Test
    void aSchoolChangesTheNumbersWithoutACodeChange() {
        Rubric stricter = new Rubric(new RubricSettings(null, null, null, 4, null, 20, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
        assertThat(stricter.score(hours("15", 0), new Rubric.Judgement(0, 1, 0)).total())
                .isEqualByComparingTo("86");
    }

    @Test
    void theRecordsImplyTheJudgedItemsBySettings() {
        // 2 months without an accepted plan, 30 of 36 observations, 1 of 4 research activities missed,
        // one archive item missing
        Rubric.Judgement judgement = rubric.fromRecords(new Rubric.Shortfalls(1, 2, 6, 1));
        assertThat(judgement).isEqualTo(new Rubric.Judgement(2, 2, 8));
        Rubric.Sheet sheet = rubric.score(hours("15", 0), judgement);
        assertThat(sheet.archive()).isEqualTo(8);
        assertThat(sheet.lessonPlans()).isEqualTo(28);
        assertThat(sheet.observation()).isEqualTo(12);
    }

    @Test
    void anIncompleteArchiveCostsTwoToEightAndTheObservationItemNeverGoesBelowZero() {
        assertThat(rubric.fromRecords(new Rubric.Shortfalls(0, 0, 0, 0))).isEqualTo(new Rubric.Judgement(0, 0, 0));
        assertThat(rubric.fromRecords(new Rubric.Shortfalls(5, 20, 63, 4))).isEqualTo(new Rubric.Judgement(8, 16, 20));
        Rubric halfPoints = new Rubric(new RubricSettings(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, 1, 3, 2, 5, null, null, null));
        // a school's own figures: 1 per archive item but at least 3; 2 per observation, 5 per activity
        assertThat(halfPoints.fromRecords(new Rubric.Shortfalls(1, 0, 3, 1))).isEqualTo(new Rubric.Judgement(3, 0, 11));
    }
}
