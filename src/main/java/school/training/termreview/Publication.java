package school.training.termreview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.notifications.Notifications;
import school.training.people.CamundaGroups;
import school.training.web.LocalisedText;

/**
 * Service tasks {@code publishResult} and {@code publishFinalResult}: the teacher is told her score
 * and grade (and has three days to appeal the first one), the result goes into her professional
 * archive, and a fail is flagged to the office. A re-reviewed result is archived as its own entry,
 * so the history of the result is kept.
 */
@Component("termReviewPublication")
class Publication implements JavaDelegate {

    static final Map<String, String> GRADES = Map.of("excellent", "优秀", "good", "良好", "pass", "合格", "fail", "不合格");

    private final ProfessionalArchive archive;
    private final Notifications notifications;
    private final RubricSettings settings;
    private final Clock clock;
    private final TermResultRepository results;

    Publication(ProfessionalArchive archive, Notifications notifications, RubricSettings settings, Clock clock,
            TermResultRepository results) {
        this.results = results;
        this.archive = archive;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean afterAppeal = "publishFinalResult".equals(execution.getCurrentActivityId());
        String teacher = (String) execution.getVariable("applicant");
        String grade = (String) execution.getVariable("grade");
        String score = new BigDecimal(execution.getVariable("totalScore").toString()).stripTrailingZeros().toPlainString();
        // the grade as a message key: the archive and notifications read in the language of whoever opens them
        String gradeText = LocalisedText.of("termReview.grade." + grade);
        String term = (String) execution.getVariable("title");
        String link = "/requests/" + execution.getProcessInstanceId();
        execution.setVariable("gradeLabel", GRADES.getOrDefault(grade, grade));
        execution.setVariable("finalScore", execution.getVariable("totalScore"));
        LocalDate today = LocalDate.now(clock);
        if (!afterAppeal) {
            execution.setVariable("appealDue", today.plusDays(settings.appealDays()).atTime(LocalTime.of(23, 59)).toString());
        }
        // the result as published, kept as a record (once per round: a retried step adds nothing)
        if (!results.existsByProcessInstanceIdAndAfterAppeal(execution.getProcessInstanceId(), afterAppeal)) {
            results.save(new TermResult(execution.getProcessInstanceId(), teacher, afterAppeal,
                    new BigDecimal(score), grade, ClockUtil.getCurrentTime().toInstant()));
        }
        archive.record(teacher, today, ArchiveKind.TERM_REVIEW, LocalisedText.of("archive.termReview.title", term, gradeText),
                LocalisedText.of(afterAppeal ? "archive.termReview.reReviewed" : "archive.termReview.score", score),
                TermReviewProcess.KEY,
                execution.getProcessInstanceId() + (afterAppeal ? ":appeal" : ""));
        notifications.notify(teacher, afterAppeal ? "notify.termReviewReReviewed" : "notify.termReviewPublished", link,
                term, score, gradeText);
        if ("fail".equals(grade)) {
            notifications.notifyGroup(CamundaGroups.OFFICE, "notify.termReviewFailed", link,
                    (String) execution.getVariable("applicantName"), term, score);
        }
    }
}
