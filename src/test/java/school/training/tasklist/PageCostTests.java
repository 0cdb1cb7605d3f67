package school.training.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.notifications.Notifications;
import school.training.web.Statements;

/**
 * What a page asks the database for, beyond its own business (issue 12, point 2: our pages against the same work
 * through /engine-rest): a form sent and redirected renders nothing, so it counts no notifications; a leader's task page does not ask the engine whether she may withdraw a teacher's
 * request; a request not registered yet has no report-back to look for; a task page finds the request's forms and
 * who started it without the engine's historic instance, and the deployment's resource names once per deployment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class PageCostTests {

    private static final String[] UNREAD_COUNT = { "count(", "from notification", "read_at is null" };
    private static final String[] REPORT_BACK_LOOKUP = { "from ACT_HI_PROCINST", "BUSINESS_KEY_ = ?" };
    private static final String[] WITHDRAWAL_CHECK = { "from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF",
            "PARENT_ID_ is null" };

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    Notifications notifications;

    WebFixtures web;
    String request;

    @BeforeEach
    void liNaAsks() throws Exception {
        web = new WebFixtures(identityService);
        request = web.submitRequest(mvc, "li.na");
    }

    @Test
    void aPageCountsTheUnreadForItsBadgeAFormSentAndRedirectedDoesNot() throws Exception {
        notifications.notify("li.na", "notify.checkInDue", "/requests/" + request, "页面成本");
        long id = notifications.latest("li.na", 1).get(0).getId();

        Statements.Cost<String> page = Statements.count(() -> mvc.perform(get("/notifications").with(web.as("li.na")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.result()).contains("id=\"notifications-link\"").contains("李娜");
        assertThat(page.sent(UNREAD_COUNT)).isOne();

        Statements.Cost<Object> sent = Statements.count(() -> mvc.perform(post("/notifications/" + id + "/read")
                .with(csrf()).with(web.as("li.na"))).andExpect(status().is3xxRedirection()).andReturn());
        assertThat(sent.statements()).isPositive();
        assertThat(sent.sent(UNREAD_COUNT)).isZero();
    }

    @Test
    void aLeadersTaskPageOnAnUnregisteredRequestAsksNeitherForAWithdrawalNorForAReportBack() throws Exception {
        String task = taskService.createTaskQuery().processInstanceId(request).singleResult().getId();

        Statements.Cost<String> leader = Statements.count(() -> mvc.perform(get("/tasks/" + task)
                .with(web.as("chen.jing"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(leader.result()).doesNotContain("id=\"withdraw\"");
        assertThat(leader.sent(WITHDRAWAL_CHECK)).isZero();
        assertThat(leader.sent(REPORT_BACK_LOOKUP)).isZero();
        // the request's documents come from the task's process definition, the timeline's first name from the
        // request's record: the engine's history of the instance itself is not asked for
        assertThat(leader.sent("from ACT_HI_PROCINST")).isZero();
        assertThat(leader.result()).contains("李娜");
        // the deployment's list of resources is read once per deployment, not per page
        assertThat(leader.sent("select NAME_ from ACT_GE_BYTEARRAY")).isZero();

        // the applicant still gets the check, and the button
        Statements.Cost<String> applicant = Statements.count(() -> mvc.perform(get("/requests/" + request)
                .with(web.as("li.na"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(applicant.result()).contains("id=\"withdraw\"");
        assertThat(applicant.sent(WITHDRAWAL_CHECK)).isOne();
        // who may read it is decided from the request's record, not from a variable query of its own
        assertThat(applicant.sent("from ACT_HI_VARINST", "NAME_ = ?")).isZero();
    }
}
