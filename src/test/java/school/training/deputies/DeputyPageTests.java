package school.training.deputies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.tasklist.WebFixtures;

/**
 * 代理人设置 {@code /account/deputy}: leaders, the principal and the office name deputies; a teacher cannot
 * open it; what cannot be set is said beside its field, the form keeps what was typed and nothing is
 * written. Once set, both home pages say so and the request's timeline says "代 陈静 审批".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DeputyPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Deputies deputies;
    @Autowired
    DeputyshipRepository deputyships;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    WebFixtures web;
    DeputyFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
        fixtures = new DeputyFixtures(deputies, deputyships, identityService, runtimeService, taskService);
        fixtures.forgetAll();
        today = deputies.today();
    }

    @AfterEach
    void cleanUp() {
        fixtures.forgetAll();
    }

    @Test
    void aTeacherCannotOpenOrPostThePage() throws Exception {
        mvc.perform(get("/account/deputy").with(web.as("li.na"))).andExpect(status().isForbidden());
        mvc.perform(name("li.na", "zhou.tao", today, today).with(web.as("li.na"))).andExpect(status().isForbidden());
        assertThat(deputyships.count()).isZero();
        String home = mvc.perform(get("/").with(web.as("li.na"))).andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain("id=\"nav-deputy\"");
    }

    @Test
    void aLeaderNamesADeputyAndBothHomePagesSaySo() throws Exception {
        String page = page("chen.jing");
        assertThat(page).contains("代理人设置").contains("name=\"deputyId\"").contains("name=\"_csrf\"")
                .contains("现有待办也交给代理人").contains("id=\"nav-deputy\"")
                // only the office and the admin choose whose deputyship it is
                .doesNotContain("name=\"personId\"");

        mvc.perform(name("chen.jing", "sun.wei", today, today.plusDays(4)).with(web.as("chen.jing")))
                .andExpect(redirectedUrl("/account/deputy"));

        Deputyship saved = deputyships.findAll().iterator().next();
        assertThat(saved.getPersonId()).isEqualTo("chen.jing");
        assertThat(saved.getDeputyId()).isEqualTo("sun.wei");
        assertThat(saved.getCreatedBy()).isEqualTo("chen.jing");
        LocalDate last = today.plusDays(4);
        assertThat(page("chen.jing")).contains("孙伟").contains(today + " 至 " + last)
                .contains("/account/deputy/" + saved.getId() + "/cancel");
        // the deputy sees it too, but only the one away (or the office) cancels it
        assertThat(page("sun.wei")).contains("陈静").doesNotContain("/account/deputy/" + saved.getId() + "/cancel");
        assertThat(mvc.perform(get("/account/deputy").param("lang", "en").with(web.as("chen.jing"))).andReturn()
                .getResponse().getContentAsString()).contains("Hand over my open tasks too");
        assertThat(home("sun.wei")).contains("您正在代 陈静 审批（至 " + last.getMonthValue() + "月"
                + last.getDayOfMonth() + "日）");
        assertThat(home("chen.jing")).contains("您外出期间由 孙伟 代为审批");
    }

    @Test
    void whatCannotBeSetIsSaidBesideItsFieldAndNothingIsWritten() throws Exception {
        // herself as her deputy
        String self = refused(name("chen.jing", "chen.jing", today, today.plusDays(1)), "chen.jing");
        assertThat(self).contains("id=\"err-deputyId\"").contains("不能指定本人为代理人");

        // the end before the start; the dates typed stay in the form
        String backwards = refused(name("chen.jing", "sun.wei", today.plusDays(3), today.plusDays(1)), "chen.jing");
        assertThat(backwards).contains("id=\"err-lastDay\"").contains("结束日期不能早于开始日期")
                .contains("value=\"" + today.plusDays(3) + "\"").contains("value=\"" + today.plusDays(1) + "\"");
        assertThat(backwards).containsPattern("<option value=\"sun.wei\" selected");

        // overlapping a period she already has
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(2), false);
        String overlapping = refused(name("chen.jing", "liu.hua", today.plusDays(2), today.plusDays(6)), "chen.jing");
        assertThat(overlapping).contains("id=\"err-firstDay\"").contains("此期间已有代理安排");
        assertThat(deputyships.count()).isEqualTo(1);

        // a date that is not one
        String garbled = refused(post("/account/deputy").param("deputyId", "zhao.min").param("firstDay", "明天")
                .param("lastDay", today.toString()).with(csrf()), "liu.hua");
        assertThat(garbled).contains("日期格式应为");
        assertThat(deputyships.count()).isEqualTo(1);
    }

    @Test
    void theOfficeNamesADeputyForThePrincipalButALeaderCannot() throws Exception {
        String refusal = refused(name("liu.hua", "zhao.min", today, today).param("personId", "liu.hua"), "chen.jing");
        assertThat(refusal).contains("只有办公室和管理员可以为他人设置代理");
        assertThat(deputyships.count()).isZero();

        assertThat(page("zhao.min")).contains("name=\"personId\"");
        mvc.perform(name("liu.hua", "chen.jing", today, today.plusDays(1)).param("personId", "liu.hua")
                .with(web.as("zhao.min"))).andExpect(redirectedUrl("/account/deputy"));
        Deputyship saved = deputyships.findAll().iterator().next();
        assertThat(saved.getPersonId()).isEqualTo("liu.hua");
        assertThat(saved.getCreatedBy()).isEqualTo("zhao.min");

        // and she cancels it from the list
        mvc.perform(post("/account/deputy/" + saved.getId() + "/cancel").with(csrf()).with(web.as("zhao.min")))
                .andExpect(redirectedUrl("/account/deputy"));
        assertThat(deputyships.findById(saved.getId()).orElseThrow().getCancelledAt()).isNotNull();
        assertThat(home("chen.jing")).doesNotContain("您正在代");
    }

    @Test
    void theTimelineSaysForWhomTheDeputyApproved() throws Exception {
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(1), false);
        String request = web.submitRequest(mvc, "li.na");
        Task review = taskService.createTaskQuery().processInstanceId(request).taskDefinitionKey("leaderReview")
                .singleResult();
        assertThat(review.getAssignee()).isEqualTo("sun.wei");
        assertThat(home("sun.wei")).contains("/tasks/" + review.getId());

        identityService.setAuthentication("sun.wei", fixtures.groupsOf("sun.wei"));
        try {
            taskService.complete(review.getId(), Map.of("leaderDecision", "approve"));
        } finally {
            identityService.clearAuthentication();
        }

        String timeline = mvc.perform(get("/requests/" + request).with(web.as("li.na"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(timeline).contains("孙伟").contains("代 陈静 审批");
    }

    private MockHttpServletRequestBuilder name(String person, String deputy, LocalDate first, LocalDate last) {
        return post("/account/deputy").param("deputyId", deputy).param("firstDay", first.toString())
                .param("lastDay", last.toString()).with(csrf());
    }

    private String refused(MockHttpServletRequestBuilder request, String as) throws Exception {
        return mvc.perform(request.with(web.as(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String page(String user) throws Exception {
        return mvc.perform(get("/account/deputy").with(web.as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String home(String user) throws Exception {
        return mvc.perform(get("/").with(web.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
