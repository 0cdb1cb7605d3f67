package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Directory;
import school.training.tasklist.WebFixtures;

/** The principal confirms a group's scored results in one step; nobody else may. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ConfirmationControllerTests {

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

    @BeforeEach
    void aScoredGroup() {
        group = ScoringControllerTests.reviewedGroup(directory, campaigns, runtimeService, taskService);
        for (String review : group.reviews()) {
            taskService.complete(ScoringControllerTests.scoringTask(taskService, review), Map.of("archiveDeduction", 0.0,
                    "missingLessonPlans", 0.0, "observationDeduction", 0.0, "deductionReason",
                    TrainingAttendanceTests.OUTSIDE_THE_RECORDS));
        }
    }

    @Test
    void thePrincipalSeesTheGroupAndConfirmsItInOnePost() throws Exception {
        String page = mvc.perform(get(ConfirmationController.URL).with(as("liu.hua"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("id=\"group-" + group.campaignId() + "-" + group.id() + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section.split("id=\"confirm-").length - 1).isEqualTo(3);
        assertThat(section).contains("甲老师" + group.id(), "乙老师" + group.id(), "丙老师" + group.id(), "确认本组结果",
                ">70<", "合格", "调整");

        MvcResult result = mvc.perform(post(ConfirmationController.URL).param("campaignId", String.valueOf(group.campaignId()))
                .param("group", group.id()).with(as("liu.hua")).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("confirmed")).isEqualTo(3);
        for (String review : group.reviews()) {
            Task appeal = taskService.createTaskQuery().processInstanceId(review).singleResult();
            assertThat(appeal.getTaskDefinitionKey()).isEqualTo(TermReviewProcess.APPEAL);
            assertThat(runtimeService.getVariable(review, "principalDecision")).isEqualTo("approve");
            assertThat(runtimeService.getVariable(review, "gradeLabel")).isEqualTo("合格");
        }
        String after = mvc.perform(get(ConfirmationController.URL).with(as("liu.hua"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("id=\"group-" + group.campaignId() + "-" + group.id() + "\"");
    }

    @Test
    void aTeacherOrALeaderGetsNotFoundAndConfirmsNothing() throws Exception {
        for (String who : new String[] { group.teachers().get(0), group.leader() }) {
            assertThat(mvc.perform(get(ConfirmationController.URL).with(as(who))).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(post(ConfirmationController.URL).param("campaignId", String.valueOf(group.campaignId()))
                    .param("group", group.id()).with(as(who)).with(csrf())).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        }
        for (String review : group.reviews()) {
            assertThat(taskService.createTaskQuery().processInstanceId(review).singleResult().getTaskDefinitionKey())
                    .isEqualTo(TermReviewProcess.PRINCIPAL_CONFIRMATION);
        }
    }

    private RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }
}
