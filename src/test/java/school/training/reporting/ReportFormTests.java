package school.training.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import school.training.tasklist.WebFixtures;

/**
 * The report-back's pages refuse what makes no sense, beside the field, keeping what was typed:
 * a changed return date without the date, spending without receipts, a short reflection, a penalty
 * without a reason or above what would be paid. The teacher then sees the settled statement.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ReportFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    WebFixtures web;
    ProcessInstance report;

    @BeforeEach
    void tripOver() {
        BpmnAwareTests.init(processEngine);
        web = new WebFixtures(identityService);
        LocalDate start = LocalDate.now().plusDays(30);
        report = new ReportBacks(runtimeService, managementService, identityService).tripEnded("li.na", start,
                start.plusDays(1));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aChangedReturnDateNeedsTheDate() throws Exception {
        mvc.perform(post(task("returnCheckIn"), Map.of("checkInStatus", "changed", "checkInNote", "航班取消")).with(web.as("li.na")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"err-actualReturnDate\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("航班取消")));
        assertThat(runtimeService.getActiveActivityIds(report.getId())).contains("returnCheckIn");
    }

    @Test
    void spendingNeedsReceiptsAndAReflectionIsARealText() throws Exception {
        checkIn();
        MockMultipartHttpServletRequestBuilder submit = post(task("submitReport"), Map.of("reflections", "很好。",
                "actualTransport", "100", "actualLodging", "0", "actualFees", "0", "actualOther", "0"));
        submit.file(new MockMultipartFile("materials", "讲义.pdf", "application/pdf", "%PDF-1.4".getBytes()));

        String page = mvc.perform(submit.with(web.as("li.na"))).andExpect(status().isUnprocessableEntity()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("id=\"err-receipts\"", "id=\"err-reflections\"", "很好。");
        assertThat(runtimeService.getActiveActivityIds(report.getId())).contains("submitReport");
        // the handout she attached is offered back, not silently dropped (issue 14's walkthrough)
        assertThat(page).contains("讲义.pdf", "name=\"materials__kept\"");
    }

    /** A reflection of the 200 characters the form asks for. */
    private static final String REFLECTION = "这次学习让我认识到整本书阅读需要长期规划，回校后准备在班里试行共读计划。".repeat(6);

    @Test
    void aReturnedReportKeepsItsMaterialsAndANewUploadIsAddedToThem() throws Exception {
        // given a report with one handout, returned by the leader
        checkIn();
        MockMultipartHttpServletRequestBuilder first = post(task("submitReport"), Map.of("reflections",
                REFLECTION, "actualTransport", "0",
                "actualLodging", "0", "actualFees", "0", "actualOther", "0"));
        first.file(new MockMultipartFile("materials", "讲义.pdf", "application/pdf", "%PDF-1.4 a".getBytes()));
        mvc.perform(first.with(web.as("li.na"))).andExpect(status().is3xxRedirection());
        String handout = (String) runtimeService.getVariable(report.getId(), "materials");
        taskService.complete(task("reviewReport"), Map.of("reviewDecision", "revise", "reviewComment", "请补充课件"));

        // when she adds the slides on the returned report
        MockMultipartHttpServletRequestBuilder again = post(task("submitReport"), Map.of("reflections",
                REFLECTION, "actualTransport", "0",
                "actualLodging", "0", "actualFees", "0", "actualOther", "0"));
        again.file(new MockMultipartFile("materials", "课件.pdf", "application/pdf", "%PDF-1.4 b".getBytes()));
        mvc.perform(again.with(web.as("li.na"))).andExpect(status().is3xxRedirection());

        // then the report has both files, the first one first
        String materials = (String) runtimeService.getVariable(report.getId(), "materials");
        assertThat(materials.split(",")).hasSize(2).startsWith(handout);
    }

    @Test
    void everyPageOfTheReportShowsTheApprovedBudgetAndTheSettlementShowsWhatIsPaid() throws Exception {
        // given li.na back from a trip approved at 800 / 900 / 600 / 0 yuan
        checkIn();

        // then writing her report she sees the approved budget, nothing spent reported yet
        String writing = mvc.perform(get("/tasks/" + task("submitReport")).with(web.as("li.na")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(writing).contains("id=\"reimbursement\"", "id=\"approved-total\">2300.00<",
                "id=\"reimbursement-not-reported\"");

        // when she reports 1000 yuan of transport (over the budget) and the rest as approved
        MockMultipartHttpServletRequestBuilder submit = post(task("submitReport"), Map.of("reflections", REFLECTION,
                "actualTransport", "1000", "actualLodging", "900", "actualFees", "600", "actualOther", "0"));
        submit.file(new MockMultipartFile("materials", "讲义.pdf", "application/pdf", "%PDF-1.4".getBytes()));
        submit.file(new MockMultipartFile("receipts", "票据.pdf", "application/pdf", "%PDF-1.4 r".getBytes()));
        mvc.perform(submit.with(web.as("li.na"))).andExpect(status().is3xxRedirection());

        // then her leader reviewing it compares budget and spending line by line
        String review = mvc.perform(get("/tasks/" + task("reviewReport")).with(web.as("chen.jing")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("id=\"approved-total\">2300.00<", "<td>1000.00</td>",
                "id=\"reimbursable-total\">2300.00<");
        taskService.complete(task("reviewReport"), Map.of("reviewDecision", "approve", "sharing", "none"));

        // and the office settling it sees the approval number and what is to be paid
        String settle = mvc.perform(get("/tasks/" + task("settleReimbursement")).with(web.as("zhao.min")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Object number = runtimeService.getVariable(report.getId(), "approvalNumber");
        assertThat(number).isNotNull();
        assertThat(settle).contains("id=\"reimbursement-approval-number\">" + number + "<",
                "id=\"reimbursable-total\">2300.00<", "class=\"capped\"");
    }

    @Test
    void aPenaltyNeedsAReasonAndCannotExceedWhatWouldBePaid() throws Exception {
        checkIn();
        taskService.complete(task("submitReport"), ReportBacks.report(100, 900, 600, 0));
        taskService.complete(task("reviewReport"), Map.of("reviewDecision", "approve", "sharing", "none"));
        String settle = task("settleReimbursement");

        mvc.perform(post(settle, Map.of("penaltyAmount", "50")).with(web.as("zhao.min")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"err-penaltyReason\"")));
        mvc.perform(post(settle, Map.of("penaltyAmount", "5000", "penaltyReason", "违规")).with(web.as("zhao.min")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"err-penaltyAmount\"")));

        mvc.perform(post(settle, Map.of("penaltyAmount", "50", "penaltyReason", "未按规定乘坐交通工具")).with(web.as("zhao.min")))
                .andExpect(status().is3xxRedirection());

        // then the teacher sees approved, actual, paid and why
        String statement = mvc.perform(get("/requests/" + report.getId()).with(web.as("li.na")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(statement).contains("id=\"reimbursement\"", "1600.00", "1550.00", "未按规定乘坐交通工具");
    }

    @Test
    void anotherTeacherCannotOpenOrCompleteTheCheckIn() throws Exception {
        String checkIn = task("returnCheckIn");
        mvc.perform(get("/tasks/" + checkIn).with(web.as("zhou.tao"))).andExpect(status().isNotFound());
        mvc.perform(post(checkIn, Map.of("checkInStatus", "onTime")).with(web.as("zhou.tao")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + checkIn).with(web.as("li.na"))).andExpect(status().isOk());
    }

    private void checkIn() {
        taskService.complete(task("returnCheckIn"), Map.of("checkInStatus", "onTime"));
    }

    private String task(String key) {
        return taskService.createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey(key).singleResult()
                .getId();
    }

    private static MockMultipartHttpServletRequestBuilder post(String taskId, Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder request = multipart("/tasks/" + taskId);
        fields.forEach(request::param);
        request.with(csrf());
        return request;
    }
}
