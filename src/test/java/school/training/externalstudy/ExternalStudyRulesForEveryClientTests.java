package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static school.training.externalstudy.ExternalStudyProcess.KEY;
import static school.training.externalstudy.ExternalStudyProcess.LEADER_REVIEW;
import static school.training.externalstudy.ExternalStudyProcess.OFFICE_REGISTRATION;
import static school.training.externalstudy.ExternalStudyProcess.PRINCIPAL_APPROVAL;
import static school.training.externalstudy.ExternalStudyProcess.WITHDRAWN_MESSAGE;
import static school.training.security.EngineRest.ADMIN_ONLY;
import static school.training.security.EngineRest.OWN_REQUEST;
import static school.training.security.EngineRest.typed;
import static school.training.security.EngineRest.variable;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import school.training.security.EngineRest;
import school.training.security.EngineRest.Answer;

/**
 * What a script on /engine-rest or Camunda's Tasklist could try on an outside-study request beyond
 * its forms: start it halfway, withdraw or end it by message, fire its timer, set its variables, move
 * it, decide without a reason, reuse an approval number, register one's own request. Each is refused
 * with a clear 4xx before anything changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class ExternalStudyRulesForEveryClientTests {

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
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    EngineRest rest;
    ExternalStudyRequests requests;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
        rest = new EngineRest(template);
        requests = new ExternalStudyRequests(identityService, runtimeService);
    }

    @Test
    void nobodyStartsARequestHalfwayThrough() {
        // given li.na's request, complete and valid, but asked to start at the office's registration
        String title = "直接登记 " + System.nanoTime();
        Map<String, Object> request = ExternalStudyRequests.smallRequest();
        request.put("title", title);
        request.remove("invitation");
        Map<String, Object> body = Map.of("variables", typed(request), "skipCustomListeners", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", OFFICE_REGISTRATION)));

        // when she sends it to /engine-rest
        Answer answer = rest.post("li.na", "/engine-rest/process-definition/key/" + KEY + "/start", body);

        // then it is refused and no request exists
        answer.isRefused(FORBIDDEN, ADMIN_ONLY);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals("title", title).count()).isZero();
    }

    @Test
    void nobodyWithdrawsOrEndsATripByMessageOrSignal() {
        // given li.na's request waiting for her leader
        ProcessInstance request = requests.start("li.na");
        String execution = runtimeService.createExecutionQuery().processInstanceId(request.getId())
                .messageEventSubscriptionName(WITHDRAWN_MESSAGE).singleResult().getId();

        // when she or her leader sends the withdrawal message or "TripEnded" directly
        rest.post("li.na", "/engine-rest/message", Map.of("messageName", WITHDRAWN_MESSAGE, "processInstanceId",
                request.getId())).isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.post("chen.jing", "/engine-rest/execution/" + execution + "/messageSubscriptions/" + WITHDRAWN_MESSAGE
                + "/trigger", Map.of()).isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.post("li.na", "/engine-rest/message", Map.of("messageName", "TripEnded", "all", true))
                .isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.post("li.na", "/engine-rest/signal", Map.of("name", "TripEnded")).isRefused(FORBIDDEN, ADMIN_ONLY);

        // then the request still waits for the leader's review
        assertThat(runtimeService.getActiveActivityIds(request.getId())).containsExactly(LEADER_REVIEW);
    }

    @Test
    void onlyTheAdminFiresATripsEndTimerAndRefusedTriesLeaveItsRetries() {
        // given li.na's registered trip waiting for its end date
        ProcessInstance trip = registered("li.na");
        Job timer = managementService.createJobQuery().processInstanceId(trip.getId()).activityId("tripEnds")
                .singleResult();
        int retries = timer.getRetries();

        // when the teacher and her leader try to fire it, three times each
        for (String user : List.of("li.na", "chen.jing")) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                // refused before the engine (the security rules name the admin), and by the engine's gate
                rest.post(user, "/engine-rest/job/" + timer.getId() + "/execute", null)
                        .isRefused(FORBIDDEN, "camunda-admin");
            }
        }
        rest.put("li.na", "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 0))
                .isRefused(FORBIDDEN, "camunda-admin");

        // then the timer is as it was: same retries, no failure, no incident, the trip not ended
        Map<String, Object> job = rest.get("admin", "/engine-rest/job/" + timer.getId()).object();
        assertThat(job).containsEntry("retries", retries).containsEntry("exceptionMessage", null);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(trip.getId()).count()).isZero();
        assertThat(runtimeService.getActiveActivityIds(trip.getId())).containsExactly("tripEnds");

        // and the admin may fire it: the trip ends and its report-back starts
        rest.post("admin", "/engine-rest/job/" + timer.getId() + "/execute", null).isNoContent();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("postStudyReport")
                .processInstanceBusinessKey(trip.getId()).count()).isOne();
    }

    @Test
    void aLeaderWhoRejectsOrReturnsARequestMustSayWhyOverRestAndInTasklist() {
        // given li.na's request waiting for chen.jing's review
        ProcessInstance request = requests.start("li.na");
        String review = task(request, LEADER_REVIEW).getId();
        EngineRest.Tasklist tasklist = rest.tasklist("chen.jing");

        // when he rejects or returns it without a reason, over REST or in Tasklist
        rest.complete("chen.jing", review, Map.of("leaderDecision", "reject"))
                .isRefused(BAD_REQUEST, "退回或不同意时请写明理由");
        rest.complete("chen.jing", review, Map.of("leaderDecision", "revise", "leaderComment", "   "))
                .isRefused(BAD_REQUEST, "退回或不同意时请写明理由");
        tasklist.submitForm(review, Map.of("leaderDecision", "reject")).isRefused(BAD_REQUEST, "退回或不同意时请写明理由");
        tasklist.submitForm(review, Map.of("leaderDecision", "revise")).isRefused(BAD_REQUEST, "退回或不同意时请写明理由");

        // then the review still waits and no decision is recorded
        assertThat(runtimeService.getActiveActivityIds(request.getId())).containsExactly(LEADER_REVIEW);
        assertThat(runtimeService.getVariables(request.getId())).doesNotContainKeys("leaderDecision", "leaderComment");

        // and with a reason Tasklist's answer is taken
        tasklist.submitForm(review, Map.of("leaderDecision", "revise", "leaderComment", "请写明调课安排")).isNoContent();
        assertThat(runtimeService.getActiveActivityIds(request.getId())).containsExactly("reviseRequest");
    }

    @Test
    void anApprovalNumberAlreadyGivenIsRefusedOverRestAndInTasklist() {
        // given li.na's trip registered with its number, and zhou.tao's request waiting for the office
        ProcessInstance first = registered("li.na");
        String taken = (String) runtimeService.getVariable(first.getId(), "approvalNumber");
        ProcessInstance second = requests.start("zhou.tao");
        taskService.complete(task(second, LEADER_REVIEW).getId(), Map.of("leaderDecision", "approve"));
        String registration = task(second, OFFICE_REGISTRATION).getId();
        Object suggested = runtimeService.getVariable(second.getId(), "approvalNumber");
        assertThat(suggested).isNotEqualTo(taken);

        // when the office gives it the first trip's number, over REST or in Tasklist
        rest.complete("zhao.min", registration, Map.of("approvalNumber", taken))
                .isRefused(BAD_REQUEST, "已用于其他申请");
        rest.tasklist("zhao.min").submitForm(registration, Map.of("approvalNumber", taken))
                .isRefused(BAD_REQUEST, "已用于其他申请");

        // then the second request still waits with its own suggested number
        assertThat(runtimeService.getActiveActivityIds(second.getId())).containsExactly(OFFICE_REGISTRATION);
        assertThat(runtimeService.getVariable(second.getId(), "approvalNumber")).isEqualTo(suggested);
    }

    @Test
    void theOfficesOwnRequestIsRegisteredByThePrincipalAndNeverByHerself() {
        // given zhao.min's own request (out of the province), approved by the principal over REST
        ProcessInstance own = requests.start("zhao.min", Map.of("outOfProvince", true, "location", "上海市"));
        rest.complete("liu.hua", task(own, PRINCIPAL_APPROVAL).getId(), Map.of("principalDecision", "approve"))
                .isNoContent();
        String registration = task(own, OFFICE_REGISTRATION).getId();
        Object suggested = runtimeService.getVariable(own.getId(), "approvalNumber");

        // then its registration is offered to the principal, not to the office she works in
        assertThat(taskService.getIdentityLinksForTask(registration)).extracting(link -> link.getGroupId())
                .contains("principal").doesNotContain("office");
        assertThat(rest.complete("zhao.min", registration, Map.of("approvalNumber", suggested)).status()
                .is4xxClientError()).isTrue();

        // when the admin, by mistake, offers it to her as well: the engine's own rule still refuses her,
        // with a valid number, with nothing, claimed by herself or handed to someone else
        rest.post("admin", "/engine-rest/task/" + registration + "/identity-links",
                Map.of("userId", "zhao.min", "type", "candidate")).isNoContent();
        rest.complete("zhao.min", registration, Map.of("approvalNumber", suggested, "officeNotes", "已登记"))
                .isRefused(BAD_REQUEST, OWN_REQUEST);
        rest.complete("zhao.min", registration, Map.of()).isRefused(BAD_REQUEST, OWN_REQUEST);
        rest.tasklist("zhao.min").submitForm(registration, Map.of("approvalNumber", suggested))
                .isRefused(BAD_REQUEST, OWN_REQUEST);
        // (nor may she take it: nobody is allowed a step of her own request, tasklist.HandOvers)
        rest.post("zhao.min", "/engine-rest/task/" + registration + "/claim", Map.of("userId", "zhao.min"))
                .isRefused(BAD_REQUEST, "不能转给 赵敏");
        rest.complete("zhao.min", registration, Map.of("approvalNumber", suggested)).isRefused(BAD_REQUEST, OWN_REQUEST);
        assertThat(runtimeService.getActiveActivityIds(own.getId())).containsExactly(OFFICE_REGISTRATION);
        assertThat(runtimeService.getVariables(own.getId())).doesNotContainKey("officeNotes");

        // and the principal registers it
        rest.post("admin", "/engine-rest/task/" + registration + "/unclaim", Map.of()).isNoContent();
        rest.complete("liu.hua", registration, Map.of("approvalNumber", suggested)).isNoContent();
        assertThat(runtimeService.getActiveActivityIds(own.getId())).doesNotContain(OFFICE_REGISTRATION);
    }

    @Test
    void variablesAndTheCourseOfARequestChangeOnlyThroughItsForms() {
        // given li.na's request waiting for chen.jing's review
        ProcessInstance request = requests.start("li.na");
        String review = task(request, LEADER_REVIEW).getId();
        String instance = "/engine-rest/process-instance/" + request.getId();
        Map<String, Object> before = runtimeService.getVariables(request.getId());

        // when the leader sets the decision or the budget on his task, without the form
        rest.put("chen.jing", "/engine-rest/task/" + review + "/variables/leaderDecision", variable("approve"))
                .isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.put("chen.jing", "/engine-rest/task/" + review + "/localVariables/leaderDecision", variable("approve"))
                .isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.post("chen.jing", "/engine-rest/task/" + review + "/variables",
                Map.of("modifications", typed(Map.of("budgetTransport", 50000.0)))).isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.delete("chen.jing", "/engine-rest/task/" + review + "/variables/budgetTransport").isRefused(FORBIDDEN, ADMIN_ONLY);
        // or the teacher on her request
        rest.post("li.na", instance + "/variables", Map.of("modifications", typed(Map.of("budgetTransport", 50000.0))))
                .isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.put("li.na", instance + "/variables/applicant", variable("liu.hua")).isRefused(FORBIDDEN, ADMIN_ONLY);
        // or either of them moves it past the review
        for (String user : List.of("li.na", "chen.jing")) {
            rest.post(user, instance + "/modification", Map.of("skipCustomListeners", true, "instructions", List.of(
                    Map.of("type", "startBeforeActivity", "activityId", OFFICE_REGISTRATION),
                    Map.of("type", "cancel", "activityId", LEADER_REVIEW)))).isRefused(FORBIDDEN, ADMIN_ONLY);
        }

        // then nothing changed: same values, still waiting for the review
        assertThat(runtimeService.getVariables(request.getId())).isEqualTo(before);
        assertThat(taskService.getVariablesLocal(review)).isEmpty();
        assertThat(runtimeService.getActiveActivityIds(request.getId())).containsExactly(LEADER_REVIEW);
    }

    @Test
    void aDecisionStepIsNotEndedByABpmnErrorOrEscalation() {
        // given li.na's request waiting for chen.jing's review (no error or escalation is caught there)
        ProcessInstance request = requests.start("li.na");
        String review = task(request, LEADER_REVIEW).getId();

        // when he throws a BPMN error or escalation from the task with a decision attached
        rest.post("chen.jing", "/engine-rest/task/" + review + "/bpmnError", Map.of("errorCode", "skip",
                "variables", typed(Map.of("leaderDecision", "approve")))).isRefused(FORBIDDEN, ADMIN_ONLY);
        rest.post("chen.jing", "/engine-rest/task/" + review + "/bpmnEscalation", Map.of("escalationCode", "skip",
                "variables", typed(Map.of("leaderDecision", "approve")))).isRefused(FORBIDDEN, ADMIN_ONLY);

        // then the request still waits for his review, undecided
        assertThat(runtimeService.getActiveActivityIds(request.getId())).containsExactly(LEADER_REVIEW);
        assertThat(runtimeService.getVariables(request.getId())).doesNotContainKey("leaderDecision");
    }

    /** Approved by the leader and registered by the office (suggested number), as the app does: waiting for its end. */
    private ProcessInstance registered(String teacher) {
        ProcessInstance trip = requests.start(teacher);
        taskService.complete(task(trip, LEADER_REVIEW).getId(), Map.of("leaderDecision", "approve"));
        taskService.complete(task(trip, OFFICE_REGISTRATION).getId());
        return trip;
    }

    private Task task(ProcessInstance instance, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s waiting at %s", instance.getId(), key).isNotNull();
        return task;
    }
}
