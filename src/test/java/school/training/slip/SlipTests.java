package school.training.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.records.RequestOverviews;
import school.training.tasklist.WebFixtures;

/**
 * The approval slip and the reimbursement statement through their pages, on requests this test makes and
 * decides in the app's own engine at set times, so every name, time and comment can be looked for.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class SlipTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RequestOverviews overviews;

    WebFixtures web;
    SlipRequests requests;
    String title;
    LocalDateTime day;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
        requests = new SlipRequests(runtimeService, taskService, identityService, managementService);
        title = "审批单测试 " + UUID.randomUUID().toString().substring(0, 8);
        day = LocalDate.now().plusDays(40).atTime(9, 0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFullyDecidedRequestPrintsEveryFieldEveryDecisionWithNameTimeAndCommentAndItsNumber() throws Exception {
        String id = requests.fullyDecided(title, day);
        String number = overviews.get(id).orElseThrow().getApprovalNumber();
        assertThat(number).isNotBlank();

        String slip = page("/requests/" + id + "/slip", "li.na");

        assertThat(slip).contains("外出学习申请审批单").contains("示范中学").contains(title)
                .contains("id=\"slip-approval-number\">" + number + "<").contains("李娜").contains("语文组")
                .contains("id=\"print-slip\"");
        // every field of the request form, as the request page shows it (the revised cover, not the first)
        assertThat(slip).contains("教育部基础教育课程教材发展中心", "国家级", "会议", "北京市海淀区",
                day.toLocalDate().plusDays(30).toString(), day.toLocalDate().plusDays(32).toString(),
                "学习整本书阅读教学的课例设计", SlipRequests.REVISED_COVER, "1260", "900", "600", "45.5")
                .doesNotContain("同组老师代课。");
        for (String key : List.of("title", "organizer", "level", "kind", "location", "outOfProvince", "startDate",
                "endDate", "purpose", "classCover", "budgetTransport", "budgetLodging", "budgetFees", "budgetOther",
                "invitation")) {
            assertThat(slip).as("field " + key).contains("data-key=\"" + key + "\"");
        }
        // every decision in order, with who, when and the comment
        assertInOrder(slip, "提交申请", "李娜", stamp(day), "提交",
                "教研组长审核", "陈静", stamp(day.plusDays(1).plusHours(1)), "退回修改", SlipRequests.LEADER_RETURNS,
                "教师修改申请", stamp(day.plusDays(2).plusHours(2)), "修改后重新提交",
                "教研组长审核", "陈静", stamp(day.plusDays(3).plusHours(3)), "同意", SlipRequests.LEADER_APPROVES,
                "校长审批", "刘华", stamp(day.plusDays(4).plusHours(4)), "同意", SlipRequests.PRINCIPAL_APPROVES,
                "办公室登记", "赵敏", stamp(day.plusDays(5).plusHours(5)), "已登记", number);
        // not finished: where it waits
        assertThat(slip).contains("id=\"slip-current\"").contains("等待外出学习结束");
        // lines to sign and stamp, and the print button's script (no inline script)
        assertThat(slip).contains("申请人（签字）", "校长（签字）", "单位（盖章）").contains("/js/slip.js")
                .doesNotContain("onclick");
    }

    @Test
    void aReturnedThenResubmittedRequestShowsBothDecisionsOfTheStep() throws Exception {
        String id = requests.start("li.na", SlipRequests.nationalTrip(title, day.toLocalDate().plusDays(30)), day);
        requests.decide(id, "leaderReview", "chen.jing", day.plusHours(2),
                Map.of("leaderDecision", "revise", "leaderComment", "预算请分项写清楚"));
        Map<String, Object> revised = SlipRequests.nationalTrip(title, day.toLocalDate().plusDays(30));
        revised.put("budgetOther", 12.0);
        requests.decide(id, "reviseRequest", "li.na", day.plusHours(5), revised);
        requests.decide(id, "leaderReview", "chen.jing", day.plusHours(7),
                Map.of("leaderDecision", "approve", "leaderComment", "修改后同意"));

        String slip = page("/requests/" + id + "/slip", "chen.jing");

        assertInOrder(slip, "教研组长审核", stamp(day.plusHours(2)), "退回修改", "预算请分项写清楚",
                "修改后重新提交", "教研组长审核", stamp(day.plusHours(7)), "同意", "修改后同意");
        assertThat(slip.split("class=\"slip-entry").length - 1).isEqualTo(4);
        // waiting for the principal, and no number yet
        assertThat(slip).contains("当前待办：校长审批").contains("（尚未登记）");
    }

    @Test
    void onlyThoseWhoMayReadTheRequestMayPrintItsSlip() throws Exception {
        String id = requests.start("li.na", SlipRequests.nationalTrip(title, day.toLocalDate().plusDays(30)), day);

        for (String stranger : List.of("zhou.tao", "sun.wei")) {
            int page = status("/requests/" + id, stranger);
            assertThat(page).as("request page for " + stranger).isEqualTo(404);
            MockHttpServletResponse slip = response("/requests/" + id + "/slip", stranger);
            assertThat(slip.getStatus()).as("slip for " + stranger).isEqualTo(page);
            assertThat(slip.getContentAsString()).doesNotContain(title).doesNotContain("李娜");
            assertThat(status("/requests/" + id + "/reimbursement", stranger)).isEqualTo(404);
        }
        for (String reader : List.of("li.na", "chen.jing", "zhao.min", "liu.hua")) {
            assertThat(page("/requests/" + id + "/slip", reader)).as(reader).contains(title);
        }
        // and the request page links its slip
        assertThat(page("/requests/" + id, "li.na")).contains("href=\"/requests/" + id + "/slip\"");
    }

    @Test
    void aSettledTripsStatementShowsWhatTheReimbursementComputed() throws Exception {
        String trip = requests.fullyDecided(title, day);
        LocalDate end = day.toLocalDate().plusDays(32);
        String report = requests.tripEnded(trip, end.atTime(8, 0));
        requests.decide(report, "returnCheckIn", "li.na", end.atTime(18, 0), Map.of("checkInStatus", "onTime"));
        // spent 1300 / 700 / 600 / 100 against 1260 / 900 / 600 / 45.5 approved
        requests.reported(report, end.plusDays(2).atTime(10, 0));
        assertThat(status("/requests/" + report + "/reimbursement", "li.na")).as("not settled yet").isEqualTo(404);
        requests.decide(report, "reviewReport", "chen.jing", end.plusDays(3).atTime(10, 0),
                Map.of("reviewDecision", "approve", "sharing", "none"));
        requests.decide(report, "settleReimbursement", "zhao.min", end.plusDays(4).atTime(15, 30),
                Map.of("penaltyAmount", 20.0, "penaltyReason", SlipRequests.PENALTY_REASON));

        Map<String, Object> computed = variables(report);
        String statement = page("/requests/" + report + "/reimbursement", "li.na");
        assertThat(page("/requests/" + trip + "/reimbursement", "zhao.min")).contains(title)
                .contains("id=\"reimbursed-total\"><strong>" + yuan(computed.get("reimbursedTotal")));

        assertThat(statement).contains("外出学习报销单").contains(title).contains("李娜")
                .contains(overviews.get(trip).orElseThrow().getApprovalNumber());
        for (String line : List.of("Transport", "Lodging", "Fees", "Other")) {
            assertThat(statement).as(line).containsPattern("data-line=\"" + line + "\"[\\s\\S]*?class=\"reimbursable\"[^>]*>"
                    + yuan(computed.get("reimbursable" + line)).replace(".", "\\.") + "<");
        }
        assertThat(yuan(computed.get("reimbursableTransport"))).isEqualTo("1260.00");
        assertThat(statement).containsPattern("id=\"reimbursable-total\"[^>]*>" + yuan(computed.get("reimbursableTotal")).replace(".", "\\.") + "<")
                .contains("id=\"penalty\">-20.00<").contains(SlipRequests.PENALTY_REASON)
                .contains("id=\"reimbursed-total\"><strong>" + yuan(computed.get("reimbursedTotal")) + "<")
                .contains("id=\"settled-by\">赵敏<").contains(stamp(end.plusDays(4).atTime(15, 30)));
        assertThat(yuan(computed.get("reimbursedTotal"))).isEqualTo("2585.50");
        // the trip's slip and the report-back's page lead to it
        assertThat(page("/requests/" + trip + "/slip", "li.na"))
                .contains("href=\"/requests/" + report + "/reimbursement\"");
        assertThat(page("/requests/" + report, "li.na")).contains("id=\"print-reimbursement-link\"");
    }

    @Test
    void inEnglishTheSlipSpeaksEnglish() throws Exception {
        String id = requests.fullyDecided(title, day);

        String slip = mvc.perform(get("/requests/" + id + "/slip").param("lang", "en").with(web.as("li.na")))
                .andReturn().getResponse().getContentAsString();

        assertThat(slip).contains("Approval slip: Outside study request", "Approval number", "Approval record",
                "Applicant", "Teaching group", "Returned for changes", "Approved", "Revised and resubmitted",
                "Print", "Save as PDF").doesNotContain("审批记录").doesNotContain("申请人（签字）");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private MockHttpServletResponse response(String path, String user) throws Exception {
        return mvc.perform(get(path).with(web.as(user))).andReturn().getResponse();
    }

    private int status(String path, String user) throws Exception {
        return response(path, user).getStatus();
    }

    private String page(String path, String user) throws Exception {
        MockHttpServletResponse response = response(path, user);
        assertThat(response.getStatus()).as(path + " for " + user + ": " + response.getContentAsString())
                .isEqualTo(200);
        return response.getContentAsString();
    }

    private Map<String, Object> variables(String instanceId) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).list()) {
            if (v.getTaskId() == null && v.getValue() != null) {
                values.put(v.getName(), v.getValue());
            }
        }
        return values;
    }

    private static String yuan(Object amount) {
        return new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String stamp(LocalDateTime at) {
        return at.toLocalDate() + " " + String.format("%02d:%02d", at.getHour(), at.getMinute());
    }

    private static void assertInOrder(String html, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = html.indexOf(part, from);
            assertThat(at).as("'" + part + "' after position " + from).isGreaterThanOrEqualTo(0);
            from = at + part.length();
        }
    }
}
