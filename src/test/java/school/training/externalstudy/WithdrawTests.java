package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.HistoryService;
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

import school.training.tasklist.WebFixtures;

/** 撤回: the applicant takes a request back while nobody has decided, and not after. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class WithdrawTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;

    WebFixtures web;
    String id;

    @BeforeEach
    void liNaSubmits() throws Exception {
        web = new WebFixtures(identityService);
        id = web.submitRequest(mvc, "li.na");
    }

    @Test
    void applicantWithdrawsBeforeTheLeaderDecides() throws Exception {
        String before = mvc.perform(get("/requests/" + id).with(web.as("li.na"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(before).contains("id=\"withdraw\"");

        mvc.perform(post("/requests/" + id + "/withdraw").with(csrf()).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/requests/" + id))
                .andExpect(flash().attribute("notice", "request.withdrawn"));

        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(instance.getEndTime()).isNotNull();
        assertThat(instance.getEndActivityId()).isEqualTo(ExternalStudyProcess.END_WITHDRAWN);
        assertThat(taskService.createTaskQuery().processInstanceId(id).count()).isZero();

        String after = mvc.perform(get("/requests/" + id).with(web.as("li.na"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(after).containsPattern("id=\"request-status\"[^>]*>已撤回<").doesNotContain("id=\"withdraw\"");
    }

    @Test
    void leaderCannotWithdrawTheTeachersRequest() throws Exception {
        mvc.perform(post("/requests/" + id + "/withdraw").with(csrf()).with(web.as("chen.jing")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "request.cannotWithdraw"));
        assertThat(runtimeService.getActiveActivityIds(id)).contains(ExternalStudyProcess.LEADER_REVIEW);
    }

    @Test
    void afterTheLeaderApprovedWithdrawIsRefusedAndTheProcessGoesOn() throws Exception {
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();
        mvc.perform(post("/tasks/" + review.getId()).param("leaderDecision", "approve").with(csrf())
                .with(web.as("chen.jing"))).andExpect(status().is3xxRedirection());
        assertThat(runtimeService.getActiveActivityIds(id)).containsExactly(ExternalStudyProcess.OFFICE_REGISTRATION);

        mvc.perform(post("/requests/" + id + "/withdraw").with(csrf()).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/requests/" + id))
                .andExpect(flash().attribute("problem", "request.cannotWithdraw"));

        assertThat(runtimeService.getActiveActivityIds(id)).containsExactly(ExternalStudyProcess.OFFICE_REGISTRATION);
        String page = mvc.perform(get("/requests/" + id).with(web.as("li.na"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"withdraw\"").contains("已批准，待办公室登记");
    }

    @Test
    void refusalMessageIsShownOnTheRequestPage() throws Exception {
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();
        taskService.complete(review.getId(), java.util.Map.of("leaderDecision", "approve"));
        var flashMap = mvc.perform(post("/requests/" + id + "/withdraw").with(csrf()).with(web.as("li.na")))
                .andReturn().getFlashMap();
        String page = mvc.perform(get("/requests/" + id).with(web.as("li.na")).flashAttrs(flashMap))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已有人审批，不能撤回。");
    }
}
