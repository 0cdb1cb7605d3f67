package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;
import school.training.web.Statements;

/** One review per teacher and term, and a campaign opened by mistake cancelled while nobody has scored. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CampaignOpeningTests {

    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    Directory directory;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    CampaignResults results;
    @Autowired
    TermResultRepository termResults;
    @Autowired
    CampaignProgress progress;

    String group;
    LocalDate start;
    LocalDate end;

    @BeforeEach
    void aGroupOfTwo() {
        group = "co" + System.nanoTime();
        directory.createTeachingGroup(group, "开启测试组" + group, "Opening test group", 96);
        directory.register(group + ".leader", "组长" + group, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(group + ".a", "甲" + group, Role.TEACHER, group, "语文", "demo");
        LocalDate today = LocalDate.now();
        start = today.minusMonths(2);
        end = today.plusMonths(1);
    }

    @Test
    void aSecondCampaignOfTheTermLeavesOutWhoAlreadyHasAReview() throws Exception {
        TermReviewCampaign first = campaigns.open("第一批" + group, start, end, LocalDate.now().plusDays(7), group,
                "zhao.min");
        assertThat(first.getReviews()).isEqualTo(2);
        assertThat(first.getStatus()).isEqualTo(TermReviewCampaign.Status.OPEN);

        // a teacher joins the group; the office opens the group again for the same term under another name
        directory.register(group + ".b", "乙" + group, Role.TEACHER, group, "语文", "demo");
        TermReviewCampaign second = campaigns.open("第二批" + group, start.plusDays(1), end, LocalDate.now().plusDays(7),
                group, "zhao.min");
        assertThat(second.getReviews()).isEqualTo(1);
        assertThat(second.getSkipped()).isEqualTo(2);
        for (String teacher : new String[] { group + ".leader", group + ".a", group + ".b" }) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TermReviewProcess.KEY)
                    .variableValueEquals("applicant", teacher).count()).as(teacher).isOne();
        }

        // a third time, nobody is left: the office is told, and nothing is opened
        MvcResult result = mvc.perform(post("/term-reviews").with(as("zhao.min")).with(csrf())
                .param("termLabel", "第三批" + group).param("termStart", start.toString()).param("termEnd", end.toString())
                .param("selfAssessmentDue", LocalDate.now().plusDays(7).toString()).param("group", group)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("这个范围内的教师本学期都已在考核中，不能重复发起。");
        assertThat(campaigns.all()).noneMatch(c -> c.getTermLabel().equals("第三批" + group));
    }

    @Test
    void aCampaignOpenedByMistakeIsCancelledAndItsTeachersAreFreeAgain() throws Exception {
        TermReviewCampaign mistake = campaigns.open("误开" + group, start, end, LocalDate.now().plusDays(7), group,
                "zhao.min");
        MvcResult result = mvc.perform(post("/term-reviews/" + mistake.getId() + "/cancel").with(as("zhao.min"))
                .with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/term-reviews/" + mistake.getId());
        assertThat(result.getFlashMap().get("notice")).isEqualTo("campaign.cancelled");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(mistake.getId() + ":%")
                .count()).isZero();
        assertThat(campaigns.find(mistake.getId()).orElseThrow().getStatus())
                .isEqualTo(TermReviewCampaign.Status.CANCELLED);
        String page = mvc.perform(get("/term-reviews/" + mistake.getId()).with(as("zhao.min"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"cancelled\"").doesNotContain("id=\"cancel-campaign\"");

        // the right campaign opens for the same people
        TermReviewCampaign right = campaigns.open("正式" + group, start, end, LocalDate.now().plusDays(7), group,
                "zhao.min");
        assertThat(right.getReviews()).isEqualTo(2);
        // a teacher cannot cancel, and the principal only reads
        assertThat(mvc.perform(post("/term-reviews/" + right.getId() + "/cancel").with(as("liu.hua")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/term-reviews/" + right.getId() + "/cancel").with(as(group + ".a")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(campaigns.find(right.getId()).orElseThrow().getStatus()).isEqualTo(TermReviewCampaign.Status.OPEN);
    }

    @Test
    void onceALeaderHasScoredTheCampaignStays() throws Exception {
        TermReviewCampaign campaign = campaigns.open("已评分" + group, start, end, LocalDate.now().plusDays(7), group,
                "zhao.min");
        String review = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + group + ".a").singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(TermReviewProcess.SELF_ASSESSMENT).singleResult().getId(),
                Map.of("selfAssessment", "本学期认真完成教学任务，参加校本研修。".repeat(3)));
        taskService.complete(taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(TermReviewProcess.LEADER_SCORING).singleResult().getId(),
                Map.of("archiveDeduction", 0.0, "missingLessonPlans", 0.0, "observationDeduction", 0.0,
                        "deductionReason", TrainingAttendanceTests.OUTSIDE_THE_RECORDS));

        MvcResult result = mvc.perform(post("/term-reviews/" + campaign.getId() + "/cancel").with(as("zhao.min"))
                .with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("notice")).isEqualTo("campaign.cancel.scored");
        assertThatThrownBy(() -> campaigns.cancel(campaign.getId(), "zhao.min"))
                .isInstanceOf(TermReviewCampaigns.AlreadyScored.class);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review).count()).isOne();
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getStatus()).isEqualTo(TermReviewCampaign.Status.OPEN);
    }

    /**
     * A large district's campaign has more published reviews than one statement may carry parameters (PostgreSQL
     * takes at most 65,535): their results are read in slices, and a result in the last slice still counts.
     */
    @Test
    void theResultsOfACampaignLargerThanOneStatementAreReadInSlices() {
        List<CampaignProgress.Review> published = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            published.add(new CampaignProgress.Review(group + "-" + i, group + ".t" + i, "教师" + i, null,
                    CampaignProgress.FINISHED));
        }
        termResults.save(new TermResult(group + "-7", group + ".t7", false, new BigDecimal("91.50"), "excellent",
                Instant.now()));
        termResults.save(new TermResult(group + "-69999", group + ".t69999", false, new BigDecimal("72.00"), "pass",
                Instant.now()));

        assertThat(results.results(published)).extracting(CampaignResults.Result::teacherId, CampaignResults.Result::grade)
                .containsExactly(tuple(group + ".t7", "excellent"), tuple(group + ".t69999", "pass"));
    }

    @Test
    void eachReviewCostsTheSameFewStatementsWhateverTheSizeOfTheCampaign() throws Exception {
        // what opening costs for the group of two, and for a group of twelve
        Statements.Cost<TermReviewCampaign> two = Statements.count(() -> campaigns.open("两人" + group, start, end,
                LocalDate.now().plusDays(7), group, "zhao.min"));
        String twelve = "co" + System.nanoTime();
        directory.createTeachingGroup(twelve, "十二人组" + twelve, "Group of twelve", 96);
        directory.register(twelve + ".leader", "组长" + twelve, Role.GROUP_LEADER, twelve, "语文", "demo");
        for (int i = 0; i < 11; i++) {
            directory.register(twelve + ".t" + i, "教师" + i + twelve, Role.TEACHER, twelve, "语文", "demo");
        }
        Statements.Cost<TermReviewCampaign> more = Statements.count(() -> campaigns.open("十二人" + twelve, start, end,
                LocalDate.now().plusDays(7), twelve, "zhao.min"));
        assertThat(two.result().getReviews()).isEqualTo(2);
        assertThat(more.result().getReviews()).isEqualTo(12);

        // then ten more reviews cost ten times a review's own statements, and a review's are few: the engine's
        // start (ten rows and four lookups), the request's record, its first step and its read-model row
        double perReview = (more.statements() - two.statements()) / 10.0;
        assertThat(perReview).isLessThanOrEqualTo(17);
        // a new task's create listeners read the request's variables without querying the task's own (it has none)
        assertThat(more.sent("case when RES.TASK_ID_ is not null")).isZero();
        // and the rows the opening changes after the starts go out as one batch, not a statement per review
        assertThat(more.sent("update term_review_member")).isEqualTo(1);
        assertThat(more.sent("update request_summary")).isLessThanOrEqualTo(1);
    }

    @Test
    void aCampaignsProgressIsItsRecordsReadInOneQuery() throws Exception {
        TermReviewCampaign campaign = campaigns.open("进度" + group, start, end, LocalDate.now().plusDays(7), group,
                "zhao.min");
        String teacher = group + ".a";
        Task hers = taskService.createTaskQuery().processInstanceBusinessKey(campaign.getId() + ":" + teacher)
                .singleResult();
        taskService.complete(hers.getId(), Map.of("selfAssessment", "本学期认真完成教学任务。".repeat(6)));

        Statements.Cost<List<CampaignProgress.Review>> read = Statements.count(() -> progress.reviews(campaign.getId()));

        // where each review stands, with the teacher's name and group as the review started
        assertThat(read.result()).extracting(CampaignProgress.Review::teacherId, CampaignProgress.Review::teacherName,
                CampaignProgress.Review::step).containsExactlyInAnyOrder(
                        tuple(group + ".leader", "组长" + group, TermReviewProcess.SELF_ASSESSMENT),
                        tuple(teacher, "甲" + group, TermReviewProcess.LEADER_SCORING));
        assertThat(read.result()).allSatisfy(review -> assertThat(review.group().getId()).isEqualTo(group));
        // from the members and the requests' read model, not the engine's instances found by a variable
        assertThat(read.sent("act_ru_") + read.sent("act_hi_")).isZero();
        assertThat(read.statements()).isLessThanOrEqualTo(2);

        // a cancelled campaign has no reviews left to show
        campaigns.cancel(campaign.getId(), "zhao.min");
        assertThat(progress.reviews(campaign.getId())).isEmpty();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }
}
