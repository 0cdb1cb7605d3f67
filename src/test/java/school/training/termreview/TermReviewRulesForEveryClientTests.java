package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static school.training.security.EngineRest.NOT_IN_FORM;
import static school.training.security.EngineRest.READ_ONLY;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import school.training.archive.ProfessionalArchive;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.security.EngineRest;

/**
 * A teacher working her term review over /engine-rest can write her self-assessment and accept or
 * appeal her result, nothing more: the facts the school pre-filled and the published score stay as
 * they are. A teaching group of its own, so the review is hers alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class TermReviewRulesForEveryClientTests {

    private static final String SELF_ASSESSMENT_TEXT = "本学期认真完成教学任务，按时提交教案。".repeat(4);

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    Directory directory;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    CampaignResults results;
    @Autowired
    TermRecords termRecords;

    EngineRest rest;
    String group;
    String teacher;
    String leader;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
        rest = new EngineRest(template);
        group = "trr" + System.nanoTime();
        teacher = group + ".teacher";
        leader = group + ".leader";
        directory.createTeachingGroup(group, "考核规则测试组", "Review rules test group", 99);
        directory.register(leader, "组长丙", Role.GROUP_LEADER, group, "数学", "demo");
        directory.register(teacher, "教师丁", Role.TEACHER, group, "数学", "demo");
    }

    @Test
    void aTeacherCannotChangeThePrefilledFactsOfHerSelfAssessment() {
        // given her review, pre-filled with no training hours this term
        ProcessInstance review = opened();
        String selfAssessment = task(review, TermReviewProcess.SELF_ASSESSMENT).getId();
        Map<String, Object> before = runtimeService.getVariables(review.getId());
        assertThat(before).containsEntry("termHours", 0.0).containsEntry("overdueReports", 0);

        // when she sends her self-assessment claiming 99 hours, or no overdue reports
        // (the form shows these facts, disabled: a value other than the recorded one is refused)
        rest.complete(teacher, selfAssessment, Map.of("selfAssessment", SELF_ASSESSMENT_TEXT, "termHours", 99.0))
                .isRefused(BAD_REQUEST, "termHours", READ_ONLY);
        rest.complete(teacher, selfAssessment, Map.of("selfAssessment", SELF_ASSESSMENT_TEXT, "overdueReports", 0,
                "requiredHours", 0)).isRefused(BAD_REQUEST, "requiredHours", READ_ONLY);
        rest.complete(teacher, selfAssessment, Map.of("selfAssessment", SELF_ASSESSMENT_TEXT, "termScore", 100))
                .isRefused(BAD_REQUEST, "termScore", NOT_IN_FORM);

        // then the facts are as the school found them and her self-assessment is still due
        assertThat(runtimeService.getVariables(review.getId())).isEqualTo(before);
        assertThat(task(review, TermReviewProcess.SELF_ASSESSMENT).getId()).isEqualTo(selfAssessment);
    }

    @Test
    void aTeacherCannotSetHerOwnScoreOrGradeWhenAcceptingOrAppealing() {
        // given her result published: 10 + 28 + 0 + 20 + 8 = 66, a pass
        ProcessInstance review = published();
        String appeal = task(review, TermReviewProcess.APPEAL).getId();
        assertThat(runtimeService.getVariables(review.getId())).containsEntry("totalScore", 66.0)
                .containsEntry("finalScore", 66.0).containsEntry("grade", "pass");
        Map<String, Object> before = runtimeService.getVariables(review.getId());
        int archived = archive.entriesOf(teacher).size();

        // when she accepts it as an excellent 95, or appeals with the re-review's score already set
        rest.complete(teacher, appeal, Map.of("appealDecision", "accept", "totalScore", 95.0, "finalScore", 95.0,
                "grade", "excellent")).isRefused(BAD_REQUEST, "totalScore", "grade", NOT_IN_FORM);
        rest.complete(teacher, appeal, Map.of("appealDecision", "appeal", "appealReason", "教案已按时提交",
                "reReviewScore", 95.0)).isRefused(BAD_REQUEST, "reReviewScore", NOT_IN_FORM);

        // then the published result stands, nothing more is archived, and she may still accept or appeal
        assertThat(runtimeService.getVariables(review.getId())).isEqualTo(before);
        assertThat(archive.entriesOf(teacher)).hasSize(archived);
        assertThat(task(review, TermReviewProcess.APPEAL).getId()).isEqualTo(appeal);
    }

    @Test
    void theResultsExportShowsTheResultAsPublishedEvenAfterItsVariablesAreRewritten() {
        // given her result published as 66, a pass
        ProcessInstance review = published();
        List<CampaignProgress.Review> reviews = List.of(new CampaignProgress.Review(review.getId(), teacher, "教师丁",
                null, TermReviewProcess.APPEAL));

        // when the admin (who may, in Cockpit) rewrites her score and grade as variables
        rest.put("admin", "/engine-rest/process-instance/" + review.getId() + "/variables/finalScore",
                EngineRest.variable(98.0)).isNoContent();
        rest.put("admin", "/engine-rest/process-instance/" + review.getId() + "/variables/grade",
                EngineRest.variable("excellent")).isNoContent();

        // then the office's results and CSV still show what the process published
        assertThat(runtimeService.getVariable(review.getId(), "finalScore")).isEqualTo(98.0);
        assertThat(results.results(reviews)).singleElement().satisfies(result -> {
            assertThat(result.score()).isEqualTo(66.0);
            assertThat(result.grade()).isEqualTo("pass");
        });
        assertThat(new String(results.resultsCsv(results.results(reviews), Locale.SIMPLIFIED_CHINESE),
                StandardCharsets.UTF_8)).contains("66").contains("合格").doesNotContain("98");
    }

    @Test
    void aLeaderWhoChangesWhatTheRecordsImplySaysWhyOverRestToo() {
        // given her review waiting for the leader, the form pre-filled from the term's records
        ProcessInstance review = opened();
        rest.complete(teacher, task(review, TermReviewProcess.SELF_ASSESSMENT).getId(),
                Map.of("selfAssessment", SELF_ASSESSMENT_TEXT)).isNoContent();
        String scoring = task(review, TermReviewProcess.LEADER_SCORING).getId();
        LocalDate today = LocalDate.now();
        Rubric.Judgement records = termRecords.forTeacher(teacher, today.minusMonths(2), today.plusMonths(1))
                .judgement();
        assertThat(runtimeService.getVariables(review.getId()))
                .containsEntry("archiveDeduction", (double) records.archiveDeduction())
                .containsEntry("missingLessonPlans", (double) records.missingLessonPlans())
                .containsEntry("observationDeduction", (double) records.observationDeduction());
        int changedPlans = (records.missingLessonPlans() + 1) % 17;

        // when the leader sends a different number of missing plans without a reason, it is refused, saying why
        rest.complete(leader, scoring, Map.of("archiveDeduction", records.archiveDeduction(), "missingLessonPlans",
                changedPlans, "observationDeduction", records.observationDeduction()))
                .isRefused(BAD_REQUEST, "deductionReason", "请写明调整理由");
        assertThat(task(review, TermReviewProcess.LEADER_SCORING).getId()).isEqualTo(scoring);

        // and with a reason it is taken, the change named on the score sheet beside the records' figure
        rest.complete(leader, scoring, Map.of("archiveDeduction", records.archiveDeduction(), "missingLessonPlans",
                changedPlans, "observationDeduction", records.observationDeduction(), "deductionReason",
                "九月教案纸质已交，系统外核对")).isNoContent();
        assertThat(runtimeService.getVariables(review.getId())).containsEntry("overriddenItems", "lessonPlans")
                .containsEntry("recordMissingLessonPlans", records.missingLessonPlans())
                .containsEntry("scoreLessonPlans", Math.max(0, 32 - 2 * changedPlans));
    }

    @Test
    void aLeaderWhoConfirmsTheRecordsNeedsNoReason() {
        ProcessInstance review = opened();
        rest.complete(teacher, task(review, TermReviewProcess.SELF_ASSESSMENT).getId(),
                Map.of("selfAssessment", SELF_ASSESSMENT_TEXT)).isNoContent();
        LocalDate today = LocalDate.now();
        Rubric.Judgement records = termRecords.forTeacher(teacher, today.minusMonths(2), today.plusMonths(1))
                .judgement();
        rest.complete(leader, task(review, TermReviewProcess.LEADER_SCORING).getId(), Map.of("archiveDeduction",
                records.archiveDeduction(), "missingLessonPlans", records.missingLessonPlans(), "observationDeduction",
                records.observationDeduction())).isNoContent();
        assertThat(runtimeService.getVariables(review.getId())).containsEntry("overriddenItems", "")
                .containsEntry("scoreArchive", 10 - records.archiveDeduction());
    }

    /** The office opens the term for the group (as the app does): her review waits for her self-assessment. */
    private ProcessInstance opened() {
        LocalDate today = LocalDate.now();
        TermReviewCampaign campaign = campaigns.open("2026–2027 学年第一学期", today.minusMonths(2), today.plusMonths(1),
                today.plusDays(7), group, "zhao.min");
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + teacher).singleResult();
    }

    /** Self-assessed, scored by her leader (two lesson plans missing) and confirmed, all over REST. */
    private ProcessInstance published() {
        ProcessInstance review = opened();
        rest.complete(teacher, task(review, TermReviewProcess.SELF_ASSESSMENT).getId(),
                Map.of("selfAssessment", SELF_ASSESSMENT_TEXT)).isNoContent();
        rest.complete(leader, task(review, TermReviewProcess.LEADER_SCORING).getId(), Map.of("archiveDeduction", 0,
                "missingLessonPlans", 2, "observationDeduction", 0, "deductionReason",
                "缺交两次教案")).isNoContent();
        rest.complete("liu.hua", task(review, TermReviewProcess.PRINCIPAL_CONFIRMATION).getId(),
                Map.of("principalDecision", "approve")).isNoContent();
        return review;
    }

    private Task task(ProcessInstance instance, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s waiting at %s", instance.getId(), key).isNotNull();
        return task;
    }
}
