package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static school.training.externalstudy.ExternalStudyProcess.END_REJECTED;
import static school.training.externalstudy.ExternalStudyProcess.END_TRIP_ENDED;
import static school.training.externalstudy.ExternalStudyProcess.END_WITHDRAWN;
import static school.training.externalstudy.ExternalStudyProcess.LEADER_REVIEW;
import static school.training.externalstudy.ExternalStudyProcess.OFFICE_REGISTRATION;
import static school.training.externalstudy.ExternalStudyProcess.PRINCIPAL_APPROVAL;
import static school.training.externalstudy.ExternalStudyProcess.REVISE_REQUEST;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import school.training.tasklist.RuleViolation;

/**
 * Drives process {@code externalStudy} down every path in the app's own engine (shared context, so
 * every query is scoped to the instance the test started).
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@RecordApplicationEvents
class ExternalStudyProcessTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ExternalStudyWithdrawal withdrawal;
    @Autowired
    ApprovalNumbers approvalNumbers;
    @Autowired
    ApplicationEvents events;

    ExternalStudyRequests requests;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        requests = new ExternalStudyRequests(identityService, runtimeService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void startRecordsTheApplicantAndComputesTheTripFacts() {
        // when
        ProcessInstance instance = requests.start("li.na");

        // then
        assertThat(instance).isWaitingAt(LEADER_REVIEW).hasPassedInOrder("requestSubmitted", "computeTripFacts");
        assertThat(instance).variables().containsEntry("applicant", "li.na").containsEntry("tripDays", 2)
                .containsEntry("budgetTotal", 600.0).containsEntry("leaderStepNeeded", true)
                .containsEntry("reportBackStartsAt", "2030-03-12T00:00").containsEntry("applicantName", "李娜")
                .containsEntry("teachingGroupName", "语文组");
    }

    @Test
    void shortCheapTripNeedsOnlyTheGroupLeader() {
        // given
        ProcessInstance instance = requests.start("li.na");
        assertThat(task(LEADER_REVIEW, instance)).isAssignedTo("chen.jing");

        // when
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // then
        assertThat(instance).isWaitingAt(OFFICE_REGISTRATION)
                .hasPassedInOrder(LEADER_REVIEW, "routeRequest", "principalNeeded").hasNotPassed(PRINCIPAL_APPROVAL);
        assertThat(instance).variables().containsEntry("principalRequired", false);
        assertThat(task(OFFICE_REGISTRATION, instance)).hasCandidateGroup("office").isNotAssigned();
    }

    static Stream<Arguments> reasonsForThePrincipal() {
        return Stream.of(Arguments.of("longer than 3 days", Map.of("endDate", "2030-03-14")),
                Arguments.of("budget above 2000", Map.of("budgetTransport", 1000.01, "budgetLodging", 1000.0,
                        "budgetFees", 0.0)),
                Arguments.of("out of the province", Map.of("outOfProvince", true)),
                Arguments.of("national level", Map.of("level", "national")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasonsForThePrincipal")
    void leaderThenPrincipalWhenTheRoutingTableSaysSo(String reason, Map<String, Object> changes) {
        // given
        ProcessInstance instance = requests.start("li.na", changes);

        // when
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // then
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL).variables().containsEntry("principalRequired", true);
        assertThat(task(PRINCIPAL_APPROVAL, instance)).hasCandidateGroup("principal").isNotAssigned();

        // when
        complete(task(PRINCIPAL_APPROVAL, instance), withVariables("principalDecision", "approve"));

        // then
        assertThat(instance).isWaitingAt(OFFICE_REGISTRATION).hasPassedInOrder(LEADER_REVIEW, "routeRequest",
                PRINCIPAL_APPROVAL, "principalDecided");
    }

    @Test
    void leaderRejects() {
        // given
        ProcessInstance instance = requests.start("li.na");

        // when
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "reject", "leaderComment", "与期中考试冲突"));

        // then
        assertThat(instance).isEnded().hasPassed(END_REJECTED).hasNotPassed("routeRequest", OFFICE_REGISTRATION);
    }

    @Test
    void principalRejects() {
        // given
        ProcessInstance instance = requests.start("li.na", Map.of("level", "national"));
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // when
        complete(task(PRINCIPAL_APPROVAL, instance),
                withVariables("principalDecision", "reject", "principalComment", "经费不足"));

        // then
        assertThat(instance).isEnded().hasPassedInOrder(LEADER_REVIEW, PRINCIPAL_APPROVAL, END_REJECTED)
                .hasNotPassed(OFFICE_REGISTRATION);
    }

    @Test
    void leaderSendsBackAndTheResubmittedRequestIsReviewedWithFreshFacts() {
        // given
        ProcessInstance instance = requests.start("li.na");
        assertThat(instance).variables().containsEntry("tripDays", 2);

        // when
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "revise", "leaderComment", "请补充代课安排"));

        // then
        assertThat(instance).isWaitingAt(REVISE_REQUEST);
        assertThat(task(REVISE_REQUEST, instance)).isAssignedTo("li.na");

        // when: the teacher makes it a five-day trip
        complete(task(REVISE_REQUEST, instance), withVariables("endDate", "2030-03-15", "classCover", "张老师代课"));

        // then
        assertThat(instance).isWaitingAt(LEADER_REVIEW).variables().containsEntry("tripDays", 5)
                .containsEntry("reportBackStartsAt", "2030-03-15T00:00");
        assertThat(task(LEADER_REVIEW, instance)).isAssignedTo("chen.jing");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("computeTripFacts").count()).isEqualTo(2);

        // when: the longer trip now needs the principal
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // then
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL);
    }

    @Test
    void aNewRoundStartsWithoutTheLastRoundsDecision() {
        // given a request sent back once
        ProcessInstance instance = requests.start("li.na");
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "revise", "leaderComment", "请补充"));

        // when it is resubmitted
        complete(task(REVISE_REQUEST, instance), withVariables("classCover", "张老师代课"));

        // then the leader decides afresh: a completion without a decision cannot loop back silently
        assertThat(instance).isWaitingAt(LEADER_REVIEW);
        assertThat(runtimeService.getVariables(instance.getId()))
                .doesNotContainKeys("leaderDecision", "leaderComment");
        String review = task(LEADER_REVIEW, instance).getId();
        assertThatThrownBy(() -> taskService.complete(review))
                .isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void theOfficeGetsTheNextFreeApprovalNumberSuggestedAndAUsedOneIsRefused() {
        // given a registered request
        ProcessInstance first = requests.start("li.na");
        complete(task(LEADER_REVIEW, first), withVariables("leaderDecision", "approve"));
        String suggested = (String) runtimeService.getVariable(first.getId(), "approvalNumber");
        assertThat(suggested).matches("WX-\\d{4}-\\d{3,4}");
        complete(task(OFFICE_REGISTRATION, first), withVariables("approvalNumber", suggested));

        // when the next request reaches the office
        ProcessInstance second = requests.start("zhou.tao");
        complete(task(LEADER_REVIEW, second), withVariables("leaderDecision", "approve"));

        // then it is offered the following number, and the first one counts as taken for it only
        String next = (String) runtimeService.getVariable(second.getId(), "approvalNumber");
        assertThat(Integer.parseInt(next.substring(8))).isEqualTo(Integer.parseInt(suggested.substring(8)) + 1);
        assertThat(approvalNumbers.takenByAnother(suggested, second.getId())).isTrue();
        assertThat(approvalNumbers.takenByAnother(suggested, first.getId())).isFalse();
        assertThat(approvalNumbers.takenByAnother(next, second.getId())).isFalse();
    }

    @Test
    void aSignedInStarterCannotNameAnotherApplicant() {
        // when li.na, signed in (as over REST), starts a request naming the principal as applicant
        Map<String, Object> variables = ExternalStudyRequests.smallRequest();
        variables.put("applicant", "liu.hua");
        String title = "冒名申请 " + System.nanoTime();
        variables.put("title", title);
        identityService.setAuthentication("li.na", List.of("teachers"));
        try {
            // then the engine refuses the start: applicant is no field of the request form
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ExternalStudyProcess.KEY, variables))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("applicant");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                .variableValueEquals("title", title).count()).isZero();
    }

    @Test
    void revisingCannotHandTheRequestToSomeoneElse() {
        // given a request returned to li.na
        ProcessInstance instance = requests.start("li.na");
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "revise", "leaderComment", "请补充"));
        String revise = task(REVISE_REQUEST, instance).getId();

        // when she tries to make it zhou.tao's request, then the engine refuses and nothing moves
        assertThatThrownBy(
                () -> taskService.complete(revise, Map.of("applicant", "zhou.tao")))
                .hasMessageContaining("applicant");
        assertThat(instance).isWaitingAt(REVISE_REQUEST).variables().containsEntry("applicant", "li.na");
    }

    @Test
    void principalSendsBackAndTheResubmittedRequestStartsAgainAtTheLeader() {
        // given
        ProcessInstance instance = requests.start("li.na", Map.of("level", "national"));
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // when
        complete(task(PRINCIPAL_APPROVAL, instance),
                withVariables("principalDecision", "revise", "principalComment", "请改报市级活动"));

        // then
        assertThat(instance).isWaitingAt(REVISE_REQUEST);
        assertThat(task(REVISE_REQUEST, instance)).isAssignedTo("li.na");

        // when: resubmitted as a municipal event and approved by the leader
        complete(task(REVISE_REQUEST, instance), withVariables("level", "municipal"));
        assertThat(instance).isWaitingAt(LEADER_REVIEW);
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // then: the routing table is asked again and the principal is no longer needed
        assertThat(instance).isWaitingAt(OFFICE_REGISTRATION).variables().containsEntry("principalRequired", false);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(PRINCIPAL_APPROVAL).count()).isEqualTo(1);
    }

    @Test
    void applicantWithdrawsWhileTheLeaderHasNotDecided() {
        // given
        ProcessInstance instance = requests.start("li.na");

        // then: only the applicant may withdraw
        assertThat(withdrawal.canWithdraw(instance.getId(), "li.na")).isTrue();
        assertThat(withdrawal.canWithdraw(instance.getId(), "chen.jing")).isFalse();

        // when
        withdrawal.withdraw(instance.getId(), "li.na");

        // then
        assertThat(instance).isEnded().hasPassedInOrder(LEADER_REVIEW, END_WITHDRAWN).hasNotPassed("routeRequest");
    }

    @Test
    void applicantWithdrawsWhileRevising() {
        // given
        ProcessInstance instance = requests.start("li.na");
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "revise", "leaderComment", "请修改"));

        // when
        assertThat(withdrawal.canWithdraw(instance.getId(), "li.na")).isTrue();
        withdrawal.withdraw(instance.getId(), "li.na");

        // then
        assertThat(instance).isEnded().hasPassedInOrder(REVISE_REQUEST, END_WITHDRAWN);
    }

    @Test
    void noWithdrawingOnceTheLeaderApproved() {
        // given
        ProcessInstance instance = requests.start("li.na", Map.of("outOfProvince", true));
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL);

        // when
        boolean allowed = withdrawal.canWithdraw(instance.getId(), "li.na");

        // then
        assertThat(allowed).isFalse();
    }

    @Test
    void groupLeaderWithdrawsOwnRequestWhileThePrincipalHasNotDecided() {
        // given
        ProcessInstance instance = requests.start("chen.jing");
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL);

        // when
        assertThat(withdrawal.canWithdraw(instance.getId(), "chen.jing")).isTrue();
        withdrawal.withdraw(instance.getId(), "chen.jing");

        // then
        assertThat(instance).isEnded().hasPassedInOrder(PRINCIPAL_APPROVAL, END_WITHDRAWN);
    }

    @Test
    void groupLeadersOwnRequestSkipsTheLeaderStepAndGoesToThePrincipal() {
        // when
        ProcessInstance instance = requests.start("chen.jing");

        // then
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL).hasNotPassed(LEADER_REVIEW, "routeRequest");
        assertThat(instance).variables().containsEntry("leaderStepNeeded", false);
        assertThat(candidateGroups(task(PRINCIPAL_APPROVAL, instance)))
                .containsExactly("principal");
        assertThat(task(PRINCIPAL_APPROVAL, instance)).isNotAssigned();
    }

    @Test
    void principalsOwnRequestGoesToTheOffice() {
        // when
        ProcessInstance instance = requests.start("liu.hua");

        // then
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL).hasNotPassed(LEADER_REVIEW);
        assertThat(candidateGroups(task(PRINCIPAL_APPROVAL, instance)))
                .containsExactly("office");
        assertThat(task(PRINCIPAL_APPROVAL, instance)).isNotAssigned();
    }

    @Test
    void anotherGroupsLeaderNeverGetsTheTeachersRequest() {
        // given
        ProcessInstance instance = requests.start("li.na", Map.of("level", "national"));

        // when: through every step
        assertThat(task(LEADER_REVIEW, instance)).isAssignedTo("chen.jing");
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));
        complete(task(PRINCIPAL_APPROVAL, instance), withVariables("principalDecision", "approve"));
        assertThat(instance).isWaitingAt(OFFICE_REGISTRATION);

        // then
        assertThat(historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).taskAssignee("sun.wei").count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateUser("sun.wei").count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey(LEADER_REVIEW).singleResult().getAssignee())
                .isEqualTo("chen.jing");
    }

    @Test
    void registeredTripWaitsForItsEndDateThenStartsTheReportBack() {
        // given
        ProcessInstance instance = requests.start("li.na", Map.of("startDate", "2030-03-11", "endDate", "2030-03-13"));
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));

        // when
        complete(task(OFFICE_REGISTRATION, instance),
                withVariables("approvalNumber", "外学〔2030〕12号", "officeNotes", "已备案"));

        // then: a timer due at the start of the end date
        assertThat(instance).isWaitingAt("tripEnds");
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Date endDateMorning = Date.from(LocalDate.of(2030, 3, 13).atStartOfDay(ZoneId.systemDefault()).toInstant());
        assertThat(timer.getDuedate()).isEqualTo(endDateMorning);

        // when: one minute early the timer is not due yet
        ClockUtil.setCurrentTime(new Date(endDateMorning.getTime() - 60_000));
        assertThat(managementService.createJobQuery()
                .processInstanceId(instance.getId()).executable().count()).isZero();

        // when: the end date has come
        ClockUtil.setCurrentTime(new Date(endDateMorning.getTime() + 60_000));
        assertThat(managementService.createJobQuery()
                .processInstanceId(instance.getId()).executable().count()).isEqualTo(1);
        managementService.executeJob(timer.getId());

        // then
        assertThat(instance).isEnded().hasPassedInOrder(OFFICE_REGISTRATION, "tripEnds", "startReportBack",
                END_TRIP_ENDED);
        assertThat(events.stream(TripEnded.class)
                .filter(event -> event.externalStudyInstanceId().equals(instance.getId())))
                .containsExactly(new TripEnded(instance.getId(), "li.na", LocalDate.of(2030, 3, 13), "外学〔2030〕12号"));
    }

    @Test
    void eachDecisionAndCommentIsKeptOnItsTask() {
        // given
        ProcessInstance instance = requests.start("li.na");
        String firstReview = task(LEADER_REVIEW, instance).getId();
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "revise", "leaderComment", "请补充预算"));
        complete(task(REVISE_REQUEST, instance), withVariables("budgetOther", 50.0));
        String secondReview = task(LEADER_REVIEW, instance).getId();

        // when
        complete(task(LEADER_REVIEW, instance), withVariables("leaderDecision", "approve"));
        String registration = task(OFFICE_REGISTRATION, instance).getId();
        complete(task(OFFICE_REGISTRATION, instance),
                withVariables("approvalNumber", "外学〔2030〕13号", "officeNotes", "已备案"));

        // then: every round keeps its own decision and comment, though the process variables were overwritten
        assertThat(taskLocal(firstReview))
                .isEqualTo(Map.of("decision", "revise", "comment", "请补充预算"));
        // (approved without a comment: the first round's comment must not reappear on it)
        assertThat(taskLocal(secondReview)).containsEntry("decision", "approve").containsEntry("comment", null);
        assertThat(taskLocal(registration))
                .isEqualTo(Map.of("decision", "registered", "comment", "外学〔2030〕13号 · 已备案"));
        assertThat(instance).variables().containsEntry("leaderDecision", "approve");
    }

    private Map<String, Object> taskLocal(String taskId) {
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .taskIdIn(taskId).list();
        // a HashMap, because a decision without a comment records a null comment
        Map<String, Object> byName = new HashMap<>();
        variables.forEach(variable -> byName.put(variable.getName(), variable.getValue()));
        return byName;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId)
                .toList();
    }
}
