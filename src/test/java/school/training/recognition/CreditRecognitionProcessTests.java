package school.training.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static school.training.recognition.CreditRecognitionProcess.LEADER_CHECK;
import static school.training.recognition.CreditRecognitionProcess.OFFICE_RECOGNITION;
import static school.training.recognition.CreditRecognitionProcess.PRINCIPAL_CHECK;
import static school.training.recognition.CreditRecognitionProcess.REVISE_CLAIM;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.ledger.Category;
import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.tasklist.RuleViolation;

/**
 * Drives process {@code creditRecognition} down every path in the app's own engine; each test that
 * credits hours uses a teacher of its own, so ledgers and caps are never shared.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class CreditRecognitionProcessTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    Directory directory;
    @Autowired
    TrainingLedger ledger;

    Claims claims;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        claims = new Claims(runtimeService, taskService, managementService);
    }

    @Test
    void leaderApprovesOfficeRecognisesAllHoursAndTheLedgerHasThemOnce() {
        // given a teacher's claim for a 12-hour online course
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance claim = claims.start(teacher);
        assertThat(claim).isWaitingAt(LEADER_CHECK);
        assertThat(claims.task(claim, LEADER_CHECK)).isAssignedTo("sun.wei");

        // when the leader approves
        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "approve"));

        // then the office recognises, seeing the school's cap for online hours
        assertThat(claim).isWaitingAt(OFFICE_RECOGNITION);
        assertThat(claims.task(claim, OFFICE_RECOGNITION)).hasCandidateGroup("office");
        assertThat((String) runtimeService.getVariable(claim.getId(), "capNote")).contains("30", "网络培训");
        claims.complete(claim, OFFICE_RECOGNITION, Map.of("officeRecognitionDecision", "approve", "recognisedHours", 12.0));
        claims.credit(claim);

        // then 12 online hours are in the ledger on the certificate's date, from this request
        assertThat(claim).isEnded().hasPassed("hoursRecognised");
        List<LedgerEntry> entries = ledger.entriesOf(teacher);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getHours()).isEqualByComparingTo("12");
            assertThat(entry.getCategory()).isEqualTo(Category.ONLINE);
            assertThat(entry.getDate()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(entry.getSource()).isEqualTo("creditRecognition");
            assertThat(entry.getSourceId()).isEqualTo(claim.getId());
        });
    }

    @Test
    void officeRecognisesFewerHoursWithAReasonAndOnlyThoseAreCredited() {
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance claim = claims.start(teacher, Map.of("category", "CENTRALIZED", "hoursClaimed", 24.0));

        claims.recognise(claim, 16.0, "证书显示其中 8 学时为自学，不予认定");

        assertThat(ledger.hours(teacher, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Category.CENTRALIZED))
                .isEqualByComparingTo("16");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(claim.getId()).count()).isZero();
    }

    @Test
    void leaderReturnsTheTeacherResubmitsAndTheLeaderChecksAgain() {
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance claim = claims.start(teacher);

        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "revise", "leaderCheckComment", "请上传清晰的证书"));

        assertThat(claim).isWaitingAt(REVISE_CLAIM);
        assertThat(claims.task(claim, REVISE_CLAIM)).isAssignedTo(teacher);
        claims.complete(claim, REVISE_CLAIM, Map.of("course", "信息技术应用能力提升工程 2.0（第二期）"));

        assertThat(claim).isWaitingAt(LEADER_CHECK);
        assertThat(claims.task(claim, LEADER_CHECK)).isAssignedTo("sun.wei");
        assertThat(runtimeService.getVariable(claim.getId(), "leaderCheckDecision")).isNull();
        assertThat((String) runtimeService.getVariable(claim.getId(), "title")).contains("第二期");
    }

    @Test
    void leaderRejectsAndTheCertificateMayBeClaimedAgain() {
        String teacher = Claims.freshTeacher(directory);
        String number = Claims.uniqueNumber();
        ProcessInstance claim = claims.start(teacher, Map.of("certificateNumber", number));

        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "reject", "leaderCheckComment", "与本职无关"));

        assertThat(claim).isEnded().hasPassed("claimRejected").hasNotPassed(OFFICE_RECOGNITION);
        assertThat(ledger.entriesOf(teacher)).isEmpty();
        ProcessInstance again = claims.start(teacher, Map.of("certificateNumber", number));
        assertThat(again).isWaitingAt(LEADER_CHECK);
    }

    @Test
    void officeReturnsTheClaimToTheTeacher() {
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance claim = claims.start(teacher);
        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "approve"));

        claims.complete(claim, OFFICE_RECOGNITION, Map.of("officeRecognitionDecision", "revise",
                "officeRecognitionComment", "证书编号与证书不符"));

        assertThat(claim).isWaitingAt(REVISE_CLAIM);
        assertThat(claims.task(claim, REVISE_CLAIM)).isAssignedTo(teacher);
        assertThat(ledger.entriesOf(teacher)).isEmpty();
    }

    @Test
    void officeRejects() {
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance claim = claims.start(teacher);
        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "approve"));

        claims.complete(claim, OFFICE_RECOGNITION, Map.of("officeRecognitionDecision", "reject",
                "officeRecognitionComment", "非学校认可的平台"));

        assertThat(claim).isEnded().hasPassed("claimRejected");
        assertThat(ledger.entriesOf(teacher)).isEmpty();
    }

    @Test
    void aGroupLeadersOwnClaimIsCheckedByThePrincipal() {
        ProcessInstance claim = claims.start("chen.jing");

        assertThat(claim).isWaitingAt(PRINCIPAL_CHECK).hasNotPassed(LEADER_CHECK);
        assertThat(claims.task(claim, PRINCIPAL_CHECK)).hasCandidateGroup("principal").isNotAssigned();

        claims.complete(claim, PRINCIPAL_CHECK, Map.of("principalDecision", "approve"));
        assertThat(claim).isWaitingAt(OFFICE_RECOGNITION);
        runtimeService.deleteProcessInstance(claim.getId(), "test done");
    }

    @Test
    void theSchoolsCapTableLimitsOnlineHoursAYear() {
        // the DMN beside the BPMN: online 30 hours a year, centralized no cap
        Object onlineCap = decisionService.evaluateDecisionTableByKey("creditRecognitionCap",
                Variables.createVariables().putValue("category", "ONLINE")).getSingleResult().getSingleEntry();
        assertThat(onlineCap).isEqualTo(30.0);
        Object centralized = decisionService.evaluateDecisionTableByKey("creditRecognitionCap",
                Variables.createVariables().putValue("category", "CENTRALIZED")).getFirstResult();
        assertThat(centralized).isNull();

        // given a teacher with 20 recognised online hours this year
        String teacher = Claims.freshTeacher(directory);
        ProcessInstance first = claims.start(teacher, Map.of("hoursClaimed", 20.0));
        claims.recognise(first, 20.0, null);

        // when the office recognises 20 more, the credit stops at the cap of 30
        ProcessInstance second = claims.start(teacher, Map.of("hoursClaimed", 20.0));
        claims.complete(second, LEADER_CHECK, Map.of("leaderCheckDecision", "approve"));
        assertThat((String) runtimeService.getVariable(second.getId(), "capNote")).contains("已有 20.0", "还可计入 10.0");
        claims.complete(second, OFFICE_RECOGNITION, Map.of("officeRecognitionDecision", "approve", "recognisedHours", 20.0));
        claims.credit(second);

        assertThat(ledger.hours(teacher, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Category.ONLINE))
                .isEqualByComparingTo("30");
        assertThat(second).isEnded().variables().containsEntry("creditedHours", 10.0);
        assertThat((String) historicVariable(second, "creditNote")).contains("上限 30", "10.0");

        // and a third claim that year credits nothing
        ProcessInstance third = claims.start(teacher, Map.of("hoursClaimed", 5.0));
        claims.recognise(third, 5.0, null);
        assertThat(ledger.hours(teacher, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Category.ONLINE))
                .isEqualByComparingTo(new BigDecimal("30"));
        assertThat((String) historicVariable(third, "creditNote")).contains("未计入");
    }

    @Test
    void theSameCertificateCannotBeClaimedTwiceHoweverItIsWritten() {
        String number = Claims.uniqueNumber();
        claims.start(Claims.freshTeacher(directory), Map.of("certificateNumber", number));

        // the same number in full-width lower case with spaces, the organizer with a space
        String rewritten = " " + toFullWidth(number.toLowerCase()).replace("-", " ") + " ";
        assertThatThrownBy(() -> claims.start(Claims.freshTeacher(directory), Map.of("certificateNumber", rewritten,
                "organizer", "省教师 网络研修平台"))).hasRootCauseInstanceOf(RuleViolation.class)
                .hasStackTraceContaining("同一证书只能认定一次");

        // another organizer's certificate with the same number is another certificate
        ProcessInstance other = claims.start(Claims.freshTeacher(directory), Map.of("certificateNumber", number,
                "organizer", "市教师进修学校"));
        assertThat(other).isWaitingAt(LEADER_CHECK);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }

    private static String toFullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
