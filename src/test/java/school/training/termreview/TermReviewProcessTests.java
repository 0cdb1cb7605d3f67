package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.archive.ArchiveEntry;
import school.training.archive.ProfessionalArchive;
import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.web.LocalisedText;

/** A term's review on the engine, for a teaching group of its own so counts are known. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class TermReviewProcessTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    Directory directory;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    Notifications notifications;
    @Autowired
    LocalisedText localised;
    @Autowired
    TermRecords termRecords;

    String group;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void aGroupOfItsOwn() {
        BpmnAwareTests.init(processEngine);
        group = "tr" + System.nanoTime();
        directory.createTeachingGroup(group, "考核测试组", "Review test group", 99);
        directory.register(group + ".leader", "组长甲", Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(group + ".teacher", "教师乙", Role.TEACHER, group, "语文", "demo");
    }

    @Test
    void aTeachersTermRunsFromOpeningToAnAcceptedResult() {
        // given the office opens the term for the group
        TermReviewCampaign campaign = openThisTerm();
        assertThat(campaign.getReviews()).isEqualTo(2);
        ProcessInstance review = reviewOf(campaign, group + ".teacher");

        // then it is pre-filled and waits for her self-assessment
        assertThat(review).isWaitingAt(TermReviewProcess.SELF_ASSESSMENT).variables()
                .containsEntry("termHours", 0.0).containsEntry("overdueReports", 0).containsEntry("requiredHours", 15);
        complete(task(TermReviewProcess.SELF_ASSESSMENT, review), withVariables("selfAssessment", "本学期认真完成教学任务。".repeat(6)));

        // when her leader scores: two missing lesson plans (no training results this term: attendance 0)
        assertThat(task(TermReviewProcess.LEADER_SCORING, review)).isAssignedTo(group + ".leader");
        complete(task(TermReviewProcess.LEADER_SCORING, review), withVariables("archiveDeduction", 0,
                "missingLessonPlans", 2, "observationDeduction", 0, "deductionReason", "缺两次"));

        // then 10 + 28 + 0 (15 hours missing) + 20 + 8 + 0 = 66: a pass, waiting for the principal
        assertThat(review).isWaitingAt(TermReviewProcess.PRINCIPAL_CONFIRMATION).variables()
                .containsEntry("totalScore", 66.0).containsEntry("grade", "pass");
        complete(task(TermReviewProcess.PRINCIPAL_CONFIRMATION, review), withVariables("principalDecision", "approve"));

        // then the result is published and she accepts it
        assertThat(review).isWaitingAt(TermReviewProcess.APPEAL).variables().containsEntry("gradeLabel", "合格");
        complete(task(TermReviewProcess.APPEAL, review), withVariables("appealDecision", "accept"));
        assertThat(review).isEnded().hasPassed("resultAccepted");
    }

    @Test
    void anAppealWithinThreeDaysIsReReviewedAndBothResultsAreKept() {
        ProcessInstance review = publishedWithScore(8);

        complete(task(TermReviewProcess.APPEAL, review), withVariables("appealDecision", "appeal", "appealReason",
                "第三次教案已按时提交，有教务处签收记录"));
        assertThat(task(TermReviewProcess.PRINCIPAL_RE_REVIEW, review)).hasCandidateGroup("principal");
        complete(task(TermReviewProcess.PRINCIPAL_RE_REVIEW, review), withVariables("reReviewScore", 62.0,
                "reReviewComment", "核实后补回两分"));

        assertThat(review).isEnded().hasPassed("appealDecided").variables().containsEntry("totalScore", 62.0)
                .containsEntry("grade", "pass").containsEntry("scoreBeforeAppeal", 54.0);
        assertThat(archive.entriesOf(group + ".teacher")).extracting(entry -> entry.getSourceId())
                .contains(review.getId(), review.getId() + ":appeal");

        // and what the app wrote reads in the reader's language: Chinese for the school, English for an English
        // reader (issue 14's walkthrough: the grade, the archive entry and the review's title stayed Chinese)
        ArchiveEntry reReviewed = archive.entriesOf(group + ".teacher").stream()
                .filter(entry -> entry.getSourceId().equals(review.getId() + ":appeal")).findFirst().orElseThrow();
        assertThat(localised.read(reReviewed.getTitle(), Locale.SIMPLIFIED_CHINESE)).endsWith("考核：合格");
        assertThat(localised.read(reReviewed.getTitle(), Locale.ENGLISH)).endsWith("review: Pass");
        assertThat(localised.read(reReviewed.getSummary(), Locale.ENGLISH)).isEqualTo(
                "Total 62 (after the appeal was re-reviewed)");
        Notification told = notifications.latest(group + ".teacher", 1).get(0);
        assertThat(notifications.text(told, Locale.ENGLISH)).contains("62 points, Pass").doesNotContain("合格");
        assertThat(notifications.text(told, Locale.SIMPLIFIED_CHINESE)).contains("62 分，合格");
        assertThat(historyTitle(review)).doesNotContain("考核");
    }

    @Test
    void aReviewsVariablesAreInHistoryOnceAndEveryChangeOfThemIsKept() {
        ProcessInstance review = publishedWithScore(8);
        HistoryService history = processEngine.getHistoryService();

        // its values are in the engine's history; a detail row is written when a value changes, not when it is set
        // for the first time (the scoring sets its figures from the records, then from what the leader sent)
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review.getId())
                .variableName("termHours").singleResult().getValue()).isEqualTo(0.0);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review.getId()).count())
                .isGreaterThan(20);
        assertThat(changes(review)).extracting(HistoricVariableUpdate::getVariableName).contains("grade")
                .doesNotContain("termHours", "applicant", "totalScore");
        assertThat(changes(review)).allSatisfy(change -> assertThat(change.getRevision()).isPositive());

        // a score changed on appeal is kept as a change, with its new value
        complete(task(TermReviewProcess.APPEAL, review), withVariables("appealDecision", "appeal", "appealReason",
                "第三次教案已按时提交，有教务处签收记录"));
        complete(task(TermReviewProcess.PRINCIPAL_RE_REVIEW, review), withVariables("reReviewScore", 62.0,
                "reReviewComment", "核实后补回两分"));
        assertThat(changes(review)).extracting(HistoricVariableUpdate::getVariableName, HistoricVariableUpdate::getValue)
                .contains(tuple("totalScore", 62.0));
        assertThat(changes(review)).allSatisfy(change -> assertThat(change.getRevision()).isPositive());
    }

    @Test
    void aReviewsTermIsItsCampaignsRecordNotAVariableAClientCouldRewrite() {
        LocalDate today = LocalDate.now();
        TermReviewCampaign campaign = openThisTerm();
        ProcessInstance review = reviewOf(campaign, group + ".teacher");

        // a review starts with its title (the term as the office named it) and its campaign, not the term's dates;
        // her self-assessment is due at the end of the day the office set
        assertThat(runtimeService.getVariables(review.getId())).containsEntry("title", "2026–2027 学年第一学期")
                .containsEntry("campaignId", campaign.getId())
                .doesNotContainKeys("termLabel", "termStart", "termEnd", "selfAssessmentDue");
        assertThat(task(TermReviewProcess.SELF_ASSESSMENT, review).getDueDate()).isEqualTo(
                Date.from(today.plusDays(7).atTime(23, 59).atZone(ZoneId.systemDefault()).toInstant()));

        // when the term's dates turn up as variables (a client writing them), a year long instead of a term
        runtimeService.setVariable(review.getId(), "termStart", today.minusYears(1).toString());
        runtimeService.setVariable(review.getId(), "termEnd", today.plusMonths(1).toString());
        complete(task(TermReviewProcess.SELF_ASSESSMENT, review), withVariables("selfAssessment", "本学期认真完成教学任务。".repeat(6)));

        // then the leader's form shows the records of the campaign's term, not of the year the variables name
        String teacher = group + ".teacher";
        String ofTheTerm = termRecords.forTeacher(teacher, campaign.getTermStart(), campaign.getTermEnd()).missingMonths();
        String ofTheYear = termRecords.forTeacher(teacher, today.minusYears(1), today.plusMonths(1)).missingMonths();
        assertThat(ofTheYear).isNotEqualTo(ofTheTerm);
        assertThat(task(TermReviewProcess.LEADER_SCORING, review)).hasDefinitionKey(TermReviewProcess.LEADER_SCORING);
        assertThat(runtimeService.getVariable(review.getId(), "missingPlanMonths")).isEqualTo(ofTheTerm);
    }

    private List<HistoricVariableUpdate> changes(ProcessInstance review) {
        return processEngine.getHistoryService().createHistoricDetailQuery().processInstanceId(review.getId())
                .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast).toList();
    }

    private String historyTitle(ProcessInstance review) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(review.getId()).variableName("title").singleResult().getValue();
    }

    @Test
    void afterThreeDaysTheResultIsFinalAndNoAppealIsPossible() {
        ProcessInstance review = publishedWithScore(8);
        String due = (String) runtimeService.getVariable(review.getId(), "appealDue");
        assertThat(due).isEqualTo(LocalDate.now().plusDays(3) + "T23:59");

        ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusDays(4).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review.getId()).timers()
                .singleResult().getId());

        assertThat(review).isEnded().hasPassed("resultFinal").hasNotPassed(TermReviewProcess.PRINCIPAL_RE_REVIEW);
    }

    @Test
    void aFailIsFlaggedToTheOffice() {
        long before = notifications.latest("zhao.min", 500).stream()
                .filter(n -> n.getMessageKey().equals("notify.termReviewFailed")).count();

        ProcessInstance review = publishedWithScore(16);

        assertThat(review).variables().containsEntry("grade", "fail");
        assertThat(notifications.latest("zhao.min", 500).stream()
                .filter(n -> n.getMessageKey().equals("notify.termReviewFailed")).count()).isEqualTo(before + 1);
    }

    /** Her review scored with this many missing lesson plans (no hours: 30 points lost), confirmed: 8 gives 54. */
    private ProcessInstance publishedWithScore(int missingLessonPlans) {
        TermReviewCampaign campaign = openThisTerm();
        ProcessInstance review = reviewOf(campaign, group + ".teacher");
        complete(task(TermReviewProcess.SELF_ASSESSMENT, review), withVariables("selfAssessment", "本学期认真完成教学任务。".repeat(6)));
        complete(task(TermReviewProcess.LEADER_SCORING, review), withVariables("archiveDeduction", 0,
                "missingLessonPlans", missingLessonPlans, "observationDeduction", 0, "deductionReason", "缺交教案"));
        complete(task(TermReviewProcess.PRINCIPAL_CONFIRMATION, review), withVariables("principalDecision", "approve"));
        return review;
    }

    @Test
    void aReportBackThatWentOverdueThisTermIsPrefilledWithItsRecord() {
        // given the teacher's trip whose study report went overdue (the report-back escalated it)
        String teacher = group + ".teacher";
        LocalDate end = LocalDate.now().plusDays(5);
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        ProcessInstance trip;
        try {
            trip = runtimeService.startProcessInstanceByKey("externalStudy", Map.ofEntries(Map.entry("applicant", teacher),
                    Map.entry("title", "市级物理实验教学培训"), Map.entry("organizer", "市教研室"), Map.entry("level", "municipal"),
                    Map.entry("kind", "training"), Map.entry("location", "市一中"), Map.entry("outOfProvince", false),
                    Map.entry("startDate", end.minusDays(1).toString()), Map.entry("endDate", end.toString()),
                    Map.entry("purpose", "学习实验教学"), Map.entry("classCover", "同组代课"), Map.entry("budgetTransport", 0.0),
                    Map.entry("budgetLodging", 0.0), Map.entry("budgetFees", 0.0), Map.entry("budgetOther", 0.0),
                    Map.entry("invitation", "none")));
        } finally {
            identityService.clearAuthentication();
        }
        complete(task("leaderReview", trip), withVariables("leaderDecision", "approve"));
        complete(task("officeRegistration", trip));
        ClockUtil.setCurrentTime(at(end, 8));
        managementService.executeJob(timer(trip.getId(), "tripEnds"));
        ProcessInstance reportBack = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trip.getId())
                .singleResult();
        complete(task("returnCheckIn", reportBack), withVariables("checkInStatus", "onTime"));
        ClockUtil.setCurrentTime(at(end.plusDays(8), 9));
        managementService.executeJob(timer(reportBack.getId(), "reportOverdue"));

        // when the office opens the term's review
        TermReviewCampaign campaign = campaigns.open("2026–2027 学年第一学期", LocalDate.now(), end.plusMonths(1),
                end.plusDays(15), group, "zhao.min");

        // then the review counts it and names the report-back behind the figure
        ProcessInstance review = reviewOf(campaign, teacher);
        assertThat(review).variables().containsEntry("overdueReports", 1)
                .containsEntry("overdueReportIds", reportBack.getId());
    }

    /** The office opens this term for the group: begun two months ago, self-assessments due in a week. */
    private TermReviewCampaign openThisTerm() {
        LocalDate today = LocalDate.now();
        return campaigns.open("2026–2027 学年第一学期", today.minusMonths(2), today.plusMonths(1), today.plusDays(7), group,
                "zhao.min");
    }

    private ProcessInstance reviewOf(TermReviewCampaign campaign, String person) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.getId() + ":" + person)
                .singleResult();
    }

    private String timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
                .singleResult().getId();
    }

    private static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void theGroupLeaderIsScoredByThePrincipal() {
        TermReviewCampaign campaign = openThisTerm();
        ProcessInstance leaders = reviewOf(campaign, group + ".leader");

        complete(task(TermReviewProcess.SELF_ASSESSMENT, leaders), withVariables("selfAssessment", "本学期组织教研活动八次。".repeat(6)));

        assertThat(task(TermReviewProcess.LEADER_SCORING, leaders)).isAssignedTo("liu.hua");
        assertThat(List.of(group + ".leader")).doesNotContain(task(TermReviewProcess.LEADER_SCORING, leaders).getAssignee());
    }
}
