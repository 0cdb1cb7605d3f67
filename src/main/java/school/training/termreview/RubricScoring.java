package school.training.termreview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;
import school.training.trainings.TermTrainingRecord;
import school.training.trainings.Trainings;

/**
 * Service task {@code scoreRubric} and the listeners of the principal's steps: the score sheet from
 * the rubric, then the principal's adjustment or re-review, each kept beside the rubric's own total.
 */
@Component("termReviewRubric")
public class RubricScoring implements JavaDelegate {

    private final Rubric rubric;
    private final RequestRecords records;
    private final Trainings trainings;
    private final TermRecords termRecords;
    private final TermReviewCampaignRepository campaigns;

    RubricScoring(Rubric rubric, RequestRecords records, Trainings trainings, TermRecords termRecords,
            TermReviewCampaignRepository campaigns) {
        this.rubric = rubric;
        this.records = records;
        this.trainings = trainings;
        this.termRecords = termRecords;
        this.campaigns = campaigns;
    }

    /**
     * Scores what was recorded: the facts the review opened with (hours, overdue report-backs) and the
     * leader's recorded judgement, never variables that a later step could have changed. The attendance item
     * comes from the school-training records of the term as they are now, whatever a client sent.
     */
    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> facts = records.facts(execution.getProcessInstanceId());
        String teacher = (String) execution.getVariable("applicant");
        TermReviewCampaign campaign = campaigns.ofReview(execution.getVariable("campaignId")).orElseThrow(
                () -> new IllegalStateException("term review " + execution.getProcessInstanceId() + " has no campaign"));
        LocalDate termStart = campaign.getTermStart();
        LocalDate termEnd = campaign.getTermEnd();
        TermTrainingRecord trainingRecord = trainings.termRecord(teacher, termStart, termEnd);
        Rubric.Judgement judged = new Rubric.Judgement((int) number(facts, "archiveDeduction"),
                (int) number(facts, "missingLessonPlans"), (int) number(facts, "observationDeduction"));
        Rubric.Sheet sheet = rubric.score(
                new Rubric.Facts(BigDecimal.valueOf(number(facts, "termHours")), (int) number(facts, "overdueReports"),
                        trainingRecord.excellent().size(), trainingRecord.failed().size()),
                judged);
        // the records as they were when the leader scored (the same transaction), beside what she decided:
        // the score sheet shows an override with her reason to the principal and the teacher
        TermRecords.Items items = termRecords.forTeacher(teacher, termStart, termEnd);
        execution.setVariables(TermRecords.variables(items));
        execution.setVariable("overriddenItems", String.join(",", overridden(items.judgement(), judged)));
        // the records behind the attendance figure, for the score sheet's links
        execution.setVariable("excellentTrainings", ids(trainingRecord.excellent()));
        execution.setVariable("failedTrainings", ids(trainingRecord.failed()));
        execution.setVariable("scoreArchive", sheet.archive());
        execution.setVariable("scoreLessonPlans", sheet.lessonPlans());
        execution.setVariable("scoreTrainingHours", sheet.trainingHours());
        execution.setVariable("scoreObservation", sheet.observation());
        execution.setVariable("scoreReportBack", sheet.reportBack());
        execution.setVariable("scoreAttendance", sheet.attendance());
        execution.setVariable("rubricScore", sheet.total().doubleValue());
        execution.setVariable("totalScore", sheet.total().doubleValue());
    }

    /** Task listener on completing {@code principalConfirmation}: an adjusted score replaces the rubric's. */
    public void confirm(DelegateTask task) {
        if ("adjust".equals(task.getVariable("principalDecision")) && task.getVariable("adjustedScore") instanceof Number n) {
            task.setVariable("totalScore", n.doubleValue());
        }
    }

    /** Task listener on completing {@code principalReReview}: the re-reviewed score is final. */
    public void reReview(DelegateTask task) {
        task.setVariable("scoreBeforeAppeal", task.getVariable("totalScore"));
        if (task.getVariable("reReviewScore") instanceof Number n) {
            task.setVariable("totalScore", n.doubleValue());
        }
    }

    /** The judged items whose figure differs from what the records imply. */
    static List<String> overridden(Rubric.Judgement records, Rubric.Judgement judged) {
        List<String> items = new java.util.ArrayList<>();
        if (records.archiveDeduction() != judged.archiveDeduction()) {
            items.add("archive");
        }
        if (records.missingLessonPlans() != judged.missingLessonPlans()) {
            items.add("lessonPlans");
        }
        if (records.observationDeduction() != judged.observationDeduction()) {
            items.add("observation");
        }
        return items;
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static double number(Map<String, Object> facts, String name) {
        return facts.get(name) instanceof Number n ? n.doubleValue() : 0;
    }
}
