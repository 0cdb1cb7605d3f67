package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/** The group leader scores her group on one page; rows with mistakes stay, valid rows are completed. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ScoringControllerTests {

    /** A teaching group of its own: a leader, three teachers, a campaign, self-assessments done. */
    record ReviewedGroup(String id, String leader, List<String> teachers, long campaignId, List<String> reviews) {
    }

    static ReviewedGroup reviewedGroup(Directory directory, TermReviewCampaigns campaigns, RuntimeService runtimeService,
            TaskService taskService) {
        String group = "sc" + System.nanoTime();
        directory.createTeachingGroup(group, "评分测试组", "Scoring test group", 98);
        directory.register(group + ".leader", "组长" + group, Role.GROUP_LEADER, group, "语文", "demo");
        List<String> teachers = List.of(group + ".a", group + ".b", group + ".c");
        String[] names = { "甲老师", "乙老师", "丙老师" };
        for (int i = 0; i < teachers.size(); i++) {
            directory.register(teachers.get(i), names[i] + group, Role.TEACHER, group, "语文", "demo");
        }
        LocalDate today = LocalDate.now();
        TermReviewCampaign campaign = campaigns.open("2026–2027 学年第一学期", today.minusMonths(2), today.plusMonths(1),
                today.plusDays(7), group, "zhao.min");
        List<String> reviews = teachers.stream().map(teacher -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + teacher).singleResult().getId()).toList();
        for (String review : reviews) {
            Task task = taskService.createTaskQuery().processInstanceId(review)
                    .taskDefinitionKey(TermReviewProcess.SELF_ASSESSMENT).singleResult();
            taskService.complete(task.getId(), Map.of("selfAssessment", "本学期认真完成教学任务，参加校本研修。".repeat(3)));
        }
        return new ReviewedGroup(group, group + ".leader", teachers, campaign.getId(), reviews);
    }

    static String scoringTask(TaskService taskService, String review) {
        Task task = taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(TermReviewProcess.LEADER_SCORING).singleResult();
        return task == null ? null : task.getId();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    TermRecords termRecords;
    @Autowired
    Rubric rubric;

    ReviewedGroup group;
    List<String> tasks;

    @BeforeEach
    void aGroupWaitingForScoring() {
        group = reviewedGroup(directory, campaigns, runtimeService, taskService);
        tasks = group.reviews().stream().map(review -> scoringTask(taskService, review)).toList();
        assertThat(tasks).doesNotContainNull();
    }

    @Test
    void theLeaderSeesOneRowPerTeacherWithTheFactsAndTheirRecords() throws Exception {
        String page = mvc.perform(get(ScoringController.URL).with(as(group.leader()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("class=\"scoring-row").length - 1).isEqualTo(3);
        for (String task : tasks) {
            assertThat(page).contains("id=\"row-" + task + "\"", "name=\"t-" + task + "-archiveDeduction\"",
                    "name=\"t-" + task + "-deductionReason\"", "name=\"t-" + task + "-include\"");
        }
        // no hours in the ledger: 15 missing, 0 of 30 points; no overdue report-back: 8 of 8
        assertThat(page).contains("本学期学时 0 / 要求 15", "0 / 30 分", "8 / 8 分", "每缺 1 学时扣 2 分",
                "href=\"/ledger/" + group.teachers().get(0) + "\"", "<details class=\"self-assessment\"");
    }

    @Test
    void rowsThatConfirmTheRecordsOrSayWhyAreCompletedAndAChangeWithoutAReasonStaysWithItsValues() throws Exception {
        MockHttpServletRequestBuilder post = post(ScoringController.URL).with(as(group.leader())).with(csrf());
        Rubric.Judgement first = fromRecords(group.teachers().get(0));
        // the first confirms what the records imply: no reason needed
        row(post, tasks.get(0), first, "");
        // the second changes a figure and says why
        row(post, tasks.get(1), "0", "2", "0", "缺交两次教案，听课记录与档案纸质核对齐全");
        // the third changes figures without a reason
        Rubric.Judgement third = fromRecords(group.teachers().get(2));
        row(post, tasks.get(2), String.valueOf((third.archiveDeduction() + 3) % 9), "1", "0", "  ");
        MvcResult result = mvc.perform(post).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String thirdTask = tasks.get(2);
        assertThat(page).contains("id=\"t-" + thirdTask + "-deductionReason-error\"", "请写明调整理由。")
                .containsPattern("name=\"t-" + thirdTask + "-archiveDeduction\"[^>]*value=\""
                        + (third.archiveDeduction() + 3) % 9 + "\"")
                .containsPattern("name=\"t-" + thirdTask + "-missingLessonPlans\"[^>]*value=\"1\"")
                .contains("已完成 2 人的评分。")
                .doesNotContain("id=\"row-" + tasks.get(0) + "\"", "id=\"row-" + tasks.get(1) + "\"");
        // the error sits in the third row, beside its reason field
        String row = page.substring(page.indexOf("id=\"row-" + thirdTask + "\""));
        assertThat(row.indexOf("t-" + thirdTask + "-deductionReason-error"))
                .isGreaterThan(row.indexOf("name=\"t-" + thirdTask + "-deductionReason\""));

        assertThat(scoringTask(taskService, group.reviews().get(0))).isNull();
        assertThat(scoringTask(taskService, group.reviews().get(1))).isNull();
        assertThat(scoringTask(taskService, group.reviews().get(2))).isEqualTo(thirdTask);
        assertThat(runtimeService.getVariable(group.reviews().get(1), "totalScore")).isEqualTo(66.0);
        assertThat(runtimeService.getVariable(group.reviews().get(1), "grade")).isEqualTo("pass");
        // no hours in the ledger, no report-back overdue: the records' deductions and nothing else
        assertThat(runtimeService.getVariable(group.reviews().get(0), "totalScore")).isEqualTo(
                rubric.score(new Rubric.Facts(java.math.BigDecimal.ZERO, 0), first).total().doubleValue());
        assertThat(runtimeService.getVariable(group.reviews().get(0), "overriddenItems")).isEqualTo("");
        assertThat(runtimeService.getVariable(group.reviews().get(1), "deductionReason"))
                .isEqualTo("缺交两次教案，听课记录与档案纸质核对齐全");
    }

    @Test
    void rowsLeftUntickedWaitAndOutOfRangeValuesAreRefused() throws Exception {
        MockHttpServletRequestBuilder post = post(ScoringController.URL).with(as(group.leader())).with(csrf());
        row(post, tasks.get(0), "9", "17", "21", "太多");
        fields(post, tasks.get(1), "0", "0", "0", ""); // "include" not ticked: left for later
        MvcResult result = mvc.perform(post).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"t-" + tasks.get(0) + "-archiveDeduction-error\"",
                "id=\"t-" + tasks.get(0) + "-missingLessonPlans-error\"",
                "id=\"t-" + tasks.get(0) + "-observationDeduction-error\"", "请填写 0 到 8 之间的整数。");
        assertThat(tasks).allSatisfy(task -> assertThat(taskService.createTaskQuery().taskId(task).count()).isOne());
    }

    @Test
    void allValidRowsRedirectWithTheCount() throws Exception {
        MockHttpServletRequestBuilder post = post(ScoringController.URL).with(as(group.leader())).with(csrf());
        for (int i = 0; i < tasks.size(); i++) {
            row(post, tasks.get(i), fromRecords(group.teachers().get(i)), "");
        }
        MvcResult result = mvc.perform(post).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(ScoringController.URL);
        assertThat(result.getFlashMap().get("scored")).isEqualTo(3);
        assertThat(group.reviews()).allSatisfy(review -> assertThat(scoringTask(taskService, review)).isNull());
    }

    @Test
    void anotherLeaderNeitherSeesNorCompletesThem() throws Exception {
        String page = mvc.perform(get(ScoringController.URL).with(as("sun.wei"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String task : tasks) {
            assertThat(page).doesNotContain(task);
        }
        MockHttpServletRequestBuilder post = post(ScoringController.URL).with(as("sun.wei")).with(csrf());
        for (String task : tasks) {
            row(post, task, "0", "0", "0", "");
        }
        mvc.perform(post).andReturn();
        assertThat(tasks).allSatisfy(task -> assertThat(taskService.createTaskQuery().taskId(task)
                .taskAssignee(group.leader()).count()).isOne());

        String teachers = mvc.perform(get(ScoringController.URL).with(as(group.teachers().get(0)))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(teachers).contains("id=\"nothing-to-score\"");
    }

    /** What the records imply for the teacher's term (the campaign's: two months back to one ahead). */
    Rubric.Judgement fromRecords(String teacher) {
        LocalDate today = LocalDate.now();
        return termRecords.forTeacher(teacher, today.minusMonths(2), today.plusMonths(1)).judgement();
    }

    static void row(MockHttpServletRequestBuilder post, String task, Rubric.Judgement judgement, String reason) {
        row(post, task, String.valueOf(judgement.archiveDeduction()), String.valueOf(judgement.missingLessonPlans()),
                String.valueOf(judgement.observationDeduction()), reason);
    }

    static void row(MockHttpServletRequestBuilder post, String task, String archive, String lessonPlans,
            String observation, String reason) {
        post.param("t-" + task + "-include", "on");
        fields(post, task, archive, lessonPlans, observation, reason);
    }

    static void fields(MockHttpServletRequestBuilder post, String task, String archive, String lessonPlans,
            String observation, String reason) {
        String p = "t-" + task + "-";
        post.param(p + "archiveDeduction", archive).param(p + "missingLessonPlans", lessonPlans)
                .param(p + "observationDeduction", observation).param(p + "deductionReason", reason);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }
}
