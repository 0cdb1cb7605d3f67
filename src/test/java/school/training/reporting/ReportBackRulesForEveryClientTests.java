package school.training.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static school.training.reporting.ReportingProcess.RETURN_CHECK_IN;
import static school.training.reporting.ReportingProcess.REVIEW_REPORT;
import static school.training.reporting.ReportingProcess.SETTLE_REIMBURSEMENT;
import static school.training.reporting.ReportingProcess.SUBMIT_REPORT;
import static school.training.security.EngineRest.NOT_IN_FORM;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;

import school.training.archive.ProfessionalArchive;
import school.training.attachments.Attachments;
import school.training.ledger.TrainingLedger;
import school.training.security.EngineRest;

/**
 * A study report sent over /engine-rest passes the same rules as our page: nobody raises the approved
 * budget, claims impossible hours, skips the reflections or names another applicant, and what is
 * credited and paid afterwards is what the school approved.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class ReportBackRulesForEveryClientTests {

    @Autowired
    TestRestTemplate template;
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
    @Autowired
    Attachments attachments;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    ProfessionalArchive archive;

    EngineRest rest;
    ReportBacks reportBacks;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
        rest = new EngineRest(template);
        reportBacks = new ReportBacks(runtimeService, managementService, identityService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStudyReportCannotRaiseTheBudgetClaimImpossibleHoursOrSkipTheReflections() {
        // given li.na back from a three-day trip approved at 800 / 900 / 600 / 0 yuan, her report due
        ProcessInstance report = checkedIn("li.na");
        String submit = task(report, SUBMIT_REPORT).getId();
        Map<String, Object> before = runtimeService.getVariables(report.getId());
        Map<String, Object> valid = report("li.na", 1000.0, 900.0, 600.0, 0.0);

        // when she sends a higher approved budget, 9999 certificate hours, or a one-line reflection
        rest.complete("li.na", submit, with(valid, "budgetTransport", 50000.0))
                .isRefused(BAD_REQUEST, "budgetTransport", NOT_IN_FORM);
        rest.complete("li.na", submit, with(valid, "certificateHours", 9999.0))
                .isRefused(BAD_REQUEST, "certificateHours", "不能大于 200");
        rest.complete("li.na", submit, with(valid, "reflections", "收获很大。"))
                .isRefused(BAD_REQUEST, "reflections", "至少 200 个字");

        // then nothing of it was kept, nothing credited, and the report still waits
        assertThat(runtimeService.getVariables(report.getId())).isEqualTo(before);
        assertThat(task(report, SUBMIT_REPORT).getId()).isEqualTo(submit);
        assertThat(ledger.entriesOf("li.na")).noneMatch(entry -> report.getId().equals(entry.getSourceId()));

        // when she sends the real report and her leader accepts it
        rest.complete("li.na", submit, valid).isNoContent();
        rest.complete("chen.jing", task(report, REVIEW_REPORT).getId(),
                Map.of("reviewDecision", "approve", "sharing", "none")).isNoContent();

        // then the school pays at most what it approved and credits 3 days × 6 hours, once
        assertThat(runtimeService.getActiveActivityIds(report.getId())).containsExactly(SETTLE_REIMBURSEMENT);
        assertThat(runtimeService.getVariables(report.getId())).containsEntry("budgetTransport", 800.0)
                .containsEntry("reimbursableTransport", 800.0).containsEntry("reimbursableLodging", 900.0)
                .containsEntry("reimbursableFees", 600.0).containsEntry("reimbursableTotal", 2300.0)
                .containsEntry("creditedHours", 18.0).doesNotContainKey("certificateHours");
        assertThat(ledger.entriesOf("li.na")).filteredOn(entry -> report.getId().equals(entry.getSourceId()))
                .singleElement().satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo("18"));
        assertThat(archive.entriesOf("li.na")).filteredOn(entry -> report.getId().equals(entry.getSourceId()))
                .hasSize(1);
    }

    @Test
    void aReturnedReportIsNotAskedWhetherToShareButAnAcceptedOneMustSay() {
        // given li.na's report waiting for her leader
        ProcessInstance report = checkedIn("li.na");
        rest.complete("li.na", task(report, SUBMIT_REPORT).getId(), report("li.na", 600.0, 900.0, 600.0, 0.0))
                .isNoContent();

        // when the leader sends it back with a reason and no sharing decision, it goes back to her
        rest.complete("chen.jing", task(report, REVIEW_REPORT).getId(),
                Map.of("reviewDecision", "revise", "reviewComment", "请补充课堂实践的设想")).isNoContent();
        assertThat(runtimeService.getActiveActivityIds(report.getId())).containsExactly(SUBMIT_REPORT);

        // when he accepts the revised report without saying whether it is to be shared, it is refused
        rest.complete("li.na", task(report, SUBMIT_REPORT).getId(), report("li.na", 600.0, 900.0, 600.0, 0.0))
                .isNoContent();
        String review = task(report, REVIEW_REPORT).getId();
        rest.complete("chen.jing", review, Map.of("reviewDecision", "approve"))
                .isRefused(BAD_REQUEST, "sharing", "通过时请选择是否需要分享");
        assertThat(task(report, REVIEW_REPORT).getId()).isEqualTo(review);

        // and with the decision it goes on
        rest.complete("chen.jing", review, Map.of("reviewDecision", "approve", "sharing", "none")).isNoContent();
        assertThat(runtimeService.getActiveActivityIds(report.getId())).containsExactly(SETTLE_REIMBURSEMENT);
    }

    @Test
    void aSharingSessionCannotBeDatedBeforeTheTeacherCameBack() {
        // given li.na's report accepted with a sharing session at the staff meeting
        ProcessInstance report = checkedIn("li.na");
        rest.complete("li.na", task(report, SUBMIT_REPORT).getId(), report("li.na", 600.0, 900.0, 600.0, 0.0))
                .isNoContent();
        rest.complete("chen.jing", task(report, REVIEW_REPORT).getId(),
                Map.of("reviewDecision", "approve", "sharing", "staffMeeting")).isNoContent();
        String schedule = task(report, ReportingProcess.SCHEDULE_SHARING).getId();
        LocalDate back = LocalDate.parse((String) runtimeService.getVariable(report.getId(), "endDate"));

        // when the office dates it the day before she came back, it is refused, saying when she did
        rest.complete("zhao.min", schedule, Map.of("sharingDate", back.minusDays(1).toString(), "sharingPlace", "报告厅"))
                .isRefused(BAD_REQUEST, "sharingDate", "交流汇报应在返校（" + back + "）之后");
        assertThat(task(report, ReportingProcess.SCHEDULE_SHARING).getId()).isEqualTo(schedule);

        // and the day she came back is fine
        rest.complete("zhao.min", schedule, Map.of("sharingDate", back.toString(), "sharingPlace", "报告厅"))
                .isNoContent();
    }

    @Test
    void aTeacherCannotMoveHerReportsDeadline() {
        // given li.na's report, due a week after her return
        ProcessInstance report = checkedIn("li.na");
        Task submit = task(report, SUBMIT_REPORT);
        Date due = submit.getDueDate();

        // when she moves the deadline a month later (as Tasklist's "due date" would) or renames the task
        Map<String, Object> update = new HashMap<>();
        update.put("name", "随便");
        update.put("due", "2099-01-01T00:00:00.000+0000");
        rest.put("li.na", "/engine-rest/task/" + submit.getId(), update)
                .isRefused(HttpStatus.FORBIDDEN, EngineRest.ADMIN_ONLY);
        rest.post("li.na", "/engine-rest/task/" + submit.getId() + "/resolve", Map.of("variables",
                EngineRest.typed(Map.of("certificateHours", 150.0)))).isRefused(HttpStatus.FORBIDDEN, EngineRest.ADMIN_ONLY);

        // then the report stays due when the process said, so the office still sees it overdue in time
        Task after = task(report, SUBMIT_REPORT);
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getName()).isEqualTo(submit.getName());
        assertThat(runtimeService.getVariable(report.getId(), "certificateHours")).isNull();
    }

    @Test
    void aLeaderCannotMakeHisOwnReportSomeoneElsesAndItIsReviewedByThePrincipal() {
        // given chen.jing, leader of 语文组, back from his own trip
        ProcessInstance report = checkedIn("chen.jing");
        String submit = task(report, SUBMIT_REPORT).getId();
        Map<String, Object> valid = report("chen.jing", 0.0, 0.0, 0.0, 0.0);

        // when he submits his report naming li.na as the applicant
        rest.complete("chen.jing", submit, with(valid, "applicant", "li.na"))
                .isRefused(BAD_REQUEST, "applicant", NOT_IN_FORM);

        // then it is still his, waiting for his report
        assertThat(runtimeService.getVariable(report.getId(), "applicant")).isEqualTo("chen.jing");
        assertThat(task(report, SUBMIT_REPORT).getId()).isEqualTo(submit);

        // and once sent, the principal reviews it, not he
        rest.complete("chen.jing", submit, valid).isNoContent();
        assertThat(task(report, REVIEW_REPORT).getAssignee()).isEqualTo("liu.hua");
        assertThat(rest.get("chen.jing", "/engine-rest/task?processInstanceId=" + report.getId()).list()).isEmpty();
    }

    /** The teacher's report-back after a three-day trip ending in three weeks, checked in over REST on the day. */
    private ProcessInstance checkedIn(String teacher) {
        LocalDate start = LocalDate.now().plusDays(20);
        ProcessInstance report = reportBacks.tripEnded(teacher, start, start.plusDays(2));
        rest.complete(teacher, task(report, RETURN_CHECK_IN).getId(), Map.of("checkInStatus", "onTime")).isNoContent();
        return report;
    }

    /** A complete report as the form sends it: 200+ characters of reflections, materials and receipts of her own. */
    private Map<String, Object> report(String teacher, double transport, double lodging, double fees, double other) {
        Map<String, Object> values = new HashMap<>();
        values.put("reflections", ReportBacks.REFLECTIONS);
        values.put("materials", upload(teacher, "学习资料.pdf"));
        values.put("receipts", upload(teacher, "票据.pdf"));
        values.put("actualTransport", transport);
        values.put("actualLodging", lodging);
        values.put("actualFees", fees);
        values.put("actualOther", other);
        return values;
    }

    private String upload(String teacher, String name) {
        // files come in through our pages (Camunda's REST API has no upload into the app's store)
        return attachments.store(new MockMultipartFile("file", name, "application/pdf", new byte[] { 1, 2, 3 }),
                teacher).getId();
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(values);
        changed.put(key, value);
        return changed;
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .list();
        assertThat(tasks).as("%s waiting at %s", instance.getId(), key).hasSize(1);
        return tasks.get(0);
    }
}
