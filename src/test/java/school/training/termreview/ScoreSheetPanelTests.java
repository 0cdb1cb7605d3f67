package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.people.Directory;
import school.training.tasklist.WebFixtures;

/** The teacher's term review page shows her score sheet once she is scored, and not before. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ScoreSheetPanelTests {

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

    ScoringControllerTests.ReviewedGroup group;
    String review;
    String teacher;

    @BeforeEach
    void aReviewedGroup() {
        group = ScoringControllerTests.reviewedGroup(directory, campaigns, runtimeService, taskService);
        review = group.reviews().get(0);
        teacher = group.teachers().get(0);
    }

    @Test
    void noSheetBeforeScoringThenTheSheetWithTotalGradeAndAdjustment() throws Exception {
        assertThat(page()).doesNotContain("id=\"score-sheet\"");

        taskService.complete(ScoringControllerTests.scoringTask(taskService, review), Map.of("archiveDeduction", 0.0,
                "missingLessonPlans", 2.0, "observationDeduction", 0.0, "deductionReason", "缺交两次教案"));
        String scored = page();
        assertThat(scored).contains("id=\"score-sheet\"", "id=\"score-sheet-pending\"", "缺交两次教案",
                "缺交 2 次，每次扣 2 分", "本学期 0 学时，要求 15 学时，每缺 1 学时扣 2 分", "href=\"/ledger/" + teacher + "\"");
        assertThat(scored).containsPattern("id=\"score-total\"><strong>66</strong>");

        // the principal adjusts it to 76 with a reason: good
        String confirmation = taskService.createTaskQuery().processInstanceId(review).singleResult().getId();
        taskService.claim(confirmation, "liu.hua");
        taskService.complete(confirmation, Map.of("principalDecision", "adjust", "adjustedScore", 76.0,
                "principalComment", "组内公开课表现突出"));
        String published = page();
        assertThat(published).doesNotContain("id=\"score-sheet-pending\"")
                .containsPattern("id=\"score-total\"><strong>76</strong>")
                .containsPattern("id=\"score-grade\"[^>]*>良好<")
                .contains("校长调整：评分 66 分，调整为 76 分。", "组内公开课表现突出", "id=\"appeal-due\"");
    }

    @Test
    void theAppealAndThePrincipalsReReviewShowTheScoreSheetTheyAreAbout() throws Exception {
        // given the teacher scored 66 (two lesson plans missing) and the result confirmed as it is
        taskService.complete(ScoringControllerTests.scoringTask(taskService, review), Map.of("archiveDeduction", 0.0,
                "missingLessonPlans", 2.0, "observationDeduction", 0.0, "deductionReason", "缺交两次教案"));
        String confirmation = taskService.createTaskQuery().processInstanceId(review).singleResult().getId();
        taskService.claim(confirmation, "liu.hua");
        taskService.complete(confirmation, Map.of("principalDecision", "approve"));

        // then deciding whether to appeal, she sees her items, deductions, total and grade
        String appeal = taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("appeal")
                .singleResult().getId();
        String appealPage = taskPage(appeal, teacher);
        assertThat(appealPage).contains("id=\"score-sheet\"", "缺交两次教案", "缺交 2 次，每次扣 2 分")
                .containsPattern("id=\"score-total\"><strong>66</strong>").containsPattern("id=\"score-grade\"[^>]*>合格<");

        // when she appeals, the principal re-reviewing sees the same sheet beside her reason
        taskService.complete(appeal, Map.of("appealDecision", "appeal", "appealReason", "教案已补交，请复核"));
        String reReview = taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("principalReReview")
                .singleResult().getId();
        assertThat(taskPage(reReview, "liu.hua")).contains("id=\"score-sheet\"", "缺交两次教案", "教案已补交，请复核")
                .containsPattern("id=\"score-total\"><strong>66</strong>");
    }

    private String taskPage(String taskId, String user) throws Exception {
        return mvc.perform(get("/tasks/" + taskId).with(new WebFixtures(identityService).as(user))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page() throws Exception {
        return mvc.perform(get("/requests/" + review).with(new WebFixtures(identityService).as(teacher))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
