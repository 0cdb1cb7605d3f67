package school.training.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static school.training.reporting.ReportingProcess.RECORD_SHARING;
import static school.training.reporting.ReportingProcess.RETURN_CHECK_IN;
import static school.training.reporting.ReportingProcess.REVIEW_REPORT;
import static school.training.reporting.ReportingProcess.SCHEDULE_SHARING;
import static school.training.reporting.ReportingProcess.SETTLE_REIMBURSEMENT;
import static school.training.reporting.ReportingProcess.SUBMIT_REPORT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.notifications.Notification;
import school.training.records.RequestRecords;
import school.training.records.StepRecord;
import school.training.notifications.Notifications;

/**
 * The report-back after an approved trip, driven on the engine: check-in on time and late with
 * escalation, a changed return date, a report returned and resubmitted, sharing session or not,
 * reimbursement capped per line with a penalty, hours credited exactly once. Time moves with the
 * engine clock, never by waiting.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class ReportBackProcessTests {

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
    TrainingLedger ledger;
    @Autowired
    Notifications notifications;
    @Autowired
    RequestRecords records;

    ReportBacks reportBacks;
    LocalDate start;
    LocalDate end;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        reportBacks = new ReportBacks(runtimeService, managementService, identityService);
        start = LocalDate.now().plusDays(20);
        end = start.plusDays(2);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void checkInOnTheDayOfReturnSetsTheReportDeadlineAWeekLater() {
        // given a trip that ended today
        ProcessInstance report = tripEnded("li.na", Map.of());

        // then the teacher checks in, due 23:59 today
        assertThat(report).isWaitingAt(RETURN_CHECK_IN);
        assertThat(task(RETURN_CHECK_IN, report)).isAssignedTo("li.na")
                .hasDueDate(date(end.atTime(23, 59)));

        // when she confirms she is back
        complete(task(RETURN_CHECK_IN, report), withVariables("checkInStatus", "onTime"));

        // then the study report is due seven days after her return
        assertThat(report).isWaitingAt(SUBMIT_REPORT);
        assertThat(task(SUBMIT_REPORT, report)).isAssignedTo("li.na")
                .hasDueDate(date(end.plusDays(7).atTime(23, 59)));
    }

    @Test
    void aChangedReturnDateMovesTheReportDeadline() {
        ProcessInstance report = tripEnded("li.na", Map.of());
        moveClockTo(end.plusDays(2).atTime(9, 0));

        complete(task(RETURN_CHECK_IN, report),
                withVariables("checkInStatus", "changed", "actualReturnDate", end.plusDays(1).toString()));

        assertThat(task(SUBMIT_REPORT, report)).hasDueDate(date(end.plusDays(8).atTime(23, 59)));
    }

    @Test
    void aRemindBeforeTheCheckInDeadlineAndTheOfficeAndLeaderAreToldAfterIt() {
        // given a trip that ended today
        ProcessInstance report = tripEnded("li.na", Map.of());
        long officeBefore = notifications.unreadCount("zhao.min");
        long leaderBefore = notifications.unreadCount("chen.jing");

        // when the afternoon reminder time passes
        moveClockTo(end.atTime(17, 1));
        fireTimer(report, "checkInReminder");

        // then li.na is reminded, nobody else is bothered
        assertThat(messagesOf("li.na", "notify.checkInDue")).isNotEmpty();
        assertThat(notifications.unreadCount("zhao.min")).isEqualTo(officeBefore);

        // when midnight passes without a check-in
        moveClockTo(end.plusDays(1).atTime(0, 1));
        fireTimer(report, "checkInOverdue");

        // then the office and her group leader see it, and she can still check in
        assertThat(notifications.unreadCount("zhao.min")).isEqualTo(officeBefore + 1);
        assertThat(notifications.unreadCount("chen.jing")).isEqualTo(leaderBefore + 1);
        assertThat(messagesOf("chen.jing", "notify.checkInOverdue")).isNotEmpty();
        assertThat(report).isWaitingAt(RETURN_CHECK_IN);
        assertThat(messagesOf("sun.wei", "notify.checkInOverdue")).noneMatch(n -> n.getLink().contains(report.getId()));
    }

    @Test
    void aReturnedReportIsRevisedWithAFreshDeadlineAndAcceptedWithoutSharing() {
        ProcessInstance report = tripEnded("li.na", Map.of());
        complete(task(RETURN_CHECK_IN, report), withVariables("checkInStatus", "onTime"));
        complete(task(SUBMIT_REPORT, report), report(600, 900, 600, 0));

        // when the leader returns it
        assertThat(task(REVIEW_REPORT, report)).isAssignedTo("chen.jing");
        moveClockTo(end.plusDays(3).atTime(10, 0));
        complete(task(REVIEW_REPORT, report),
                withVariables("reviewDecision", "revise", "reviewComment", "请补充回校后的教学改进计划", "sharing", "none"));

        // then it is back with li.na, due a week from today
        assertThat(report).isWaitingAt(SUBMIT_REPORT);
        assertThat(task(SUBMIT_REPORT, report)).hasDueDate(date(end.plusDays(10).atTime(23, 59)));

        // when she resubmits and the leader accepts without a sharing session
        complete(task(SUBMIT_REPORT, report), report(600, 900, 600, 0));
        assertThat(runtimeService.getVariables(report.getId())).doesNotContainKeys("reviewDecision", "reviewComment");
        complete(task(REVIEW_REPORT, report), withVariables("reviewDecision", "approve", "sharing", "none"));

        // then only the reimbursement remains
        assertThat(report).isWaitingAt(SETTLE_REIMBURSEMENT).isNotWaitingAt(SCHEDULE_SHARING);
    }

    @Test
    void aSharingSessionIsScheduledAndRecordedBeforeTheReportBackEnds() {
        ProcessInstance report = acceptedReport("li.na", "staffMeeting", report(600, 900, 600, 0));

        assertThat(report).isWaitingAt(SCHEDULE_SHARING, SETTLE_REIMBURSEMENT);
        assertThat(task(SCHEDULE_SHARING, report)).hasCandidateGroup("office");
        complete(task(SCHEDULE_SHARING, report),
                withVariables("sharingDate", end.plusDays(10).toString(), "sharingPlace", "学校报告厅"));
        assertThat(task(RECORD_SHARING, report)).hasDueDate(date(end.plusDays(10).atTime(23, 59, 59)));
        complete(task(SETTLE_REIMBURSEMENT, report), withVariables("penaltyAmount", 0.0));
        assertThat(report).isNotEnded();
        complete(task(RECORD_SHARING, report), withVariables("sharingHeld", "held"));

        assertThat(report).isEnded().hasPassed("reportCompleted");
    }

    @Test
    void reimbursementPaysTheLowerOfActualAndApprovedPerLineMinusThePenalty() {
        // budget 800 / 900 / 600 / 0; spent 650 / 1200 / 600 / 30
        ProcessInstance report = acceptedReport("li.na", "none", report(650, 1200, 600, 30));

        assertThat(report).variables().containsEntry("reimbursableTransport", 650.0)
                .containsEntry("reimbursableLodging", 900.0).containsEntry("reimbursableFees", 600.0)
                .containsEntry("reimbursableOther", 0.0).containsEntry("reimbursableTotal", 2150.0);

        complete(task(SETTLE_REIMBURSEMENT, report),
                withVariables("penaltyAmount", 50.0, "penaltyReason", "未按规定乘坐交通工具"));

        assertThat(report).isEnded().variables().containsEntry("reimbursedTotal", 2100.0);
        assertThat(Reimbursement.settled(new BigDecimal("30.00"), new BigDecimal("50.00")))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void moneyAndHoursComeFromTheRecordsNotFromVariablesChangedAfterwards() {
        // given a report-back whose trip was approved with 800 / 900 / 600 / 0
        ProcessInstance report = tripEnded("li.na", Map.of());
        complete(task(RETURN_CHECK_IN, report), withVariables("checkInStatus", "onTime"));
        complete(task(SUBMIT_REPORT, report), report(650, 1200, 600, 30));

        // when someone with the power to (the admin, in Cockpit) rewrites the approved budget, the
        // actual expenses and the certificate hours as variables before the review
        runtimeService.setVariables(report.getId(), Map.of("budgetLodging", 50000.0, "actualLodging", 50000.0,
                "certificateHours", 9999.0, "tripDays", 300));
        complete(task(REVIEW_REPORT, report), withVariables("reviewDecision", "approve", "sharing", "none"));

        // then the reimbursement and the ledger follow what the steps recorded
        assertThat(report).variables().containsEntry("reimbursableLodging", 900.0)
                .containsEntry("reimbursableTotal", 2150.0);
        assertThat(entriesFor("li.na", report.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo("18.0"));
        // and the records say who decided each step, and when
        assertThat(records.steps(report.getId())).extracting(StepRecord::getStep, StepRecord::getDecidedBy)
                .contains(tuple(StepRecord.START, null), tuple(SUBMIT_REPORT, "li.na"),
                        tuple(REVIEW_REPORT, "chen.jing"));
        assertThat(records.applicant(report.getId())).contains("li.na");
    }

    @Test
    void hoursAreCreditedOnceEvenWhenTheCreditStepRunsAgain() {
        // given a three-day trip without a certificate: 3 × 6 hours
        ProcessInstance report = acceptedReport("zhou.tao", "none", report(0, 0, 0, 0));
        assertThat(entriesFor("zhou.tao", report.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo("18.0"));

        // when the step runs again (a retry)
        runtimeService.createProcessInstanceModification(report.getId()).startBeforeActivity("creditTrainingHours")
                .execute();

        // then nothing is counted twice
        assertThat(entriesFor("zhou.tao", report.getId())).hasSize(1);
    }

    @Test
    void certificateHoursWinOverDaysTimesHoursPerDay() {
        Map<String, Object> withCertificate = new HashMap<>(report(0, 0, 0, 0));
        withCertificate.put("certificateHours", 24.0);
        ProcessInstance report = acceptedReport("li.na", "none", withCertificate);

        assertThat(entriesFor("li.na", report.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo("24.0"));
    }

    // --- fixtures -------------------------------------------------------------------------------

    ProcessInstance tripEnded(String teacher, Map<String, Object> changes) {
        return reportBacks.tripEnded(teacher, start, end);
    }

    ProcessInstance acceptedReport(String teacher, String sharing, Map<String, Object> reportValues) {
        ProcessInstance report = tripEnded(teacher, Map.of());
        complete(task(RETURN_CHECK_IN, report), withVariables("checkInStatus", "onTime"));
        complete(task(SUBMIT_REPORT, report), reportValues);
        complete(task(REVIEW_REPORT, report), withVariables("reviewDecision", "approve", "sharing", sharing));
        return report;
    }

    static Map<String, Object> report(double transport, double lodging, double fees, double other) {
        return ReportBacks.report(transport, lodging, fees, other);
    }

    void fireTimer(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        managementService.executeJob(job.getId());
    }

    List<Notification> messagesOf(String user, String key) {
        return notifications.latest(user, 200).stream().filter(n -> n.getMessageKey().equals(key)).toList();
    }

    List<LedgerEntry> entriesFor(String teacher, String reportId) {
        return ledger.entriesOf(teacher).stream().filter(e -> reportId.equals(e.getSourceId())).toList();
    }

    static void moveClockTo(LocalDateTime time) {
        ReportBacks.moveClockTo(time);
    }

    static Date date(LocalDateTime time) {
        return ReportBacks.date(time);
    }
}
