package school.training.records;

import school.training.externalstudy.ExternalStudyRequests;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import school.training.records.RequestOverview.State;
import school.training.security.EngineRest;

/**
 * The read model follows a request through its states whichever client drives it: the steps here are
 * completed over {@code /engine-rest} as the people would, and the row is compared with the engine.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class RequestOverviewTests {

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
    RequestOverviews overviews;
    @Autowired
    RequestOverviewRepository repository;
    @Autowired
    RequestOverviewBackfill backfill;

    EngineRest rest;
    String title;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
        title = "读模型 " + System.nanoTime();
    }

    @Test
    void followsATripFromRequestToRegistrationToItsEndOverTheRestApi() {
        // given li.na's request, just sent
        String id = start("li.na", title);
        RequestOverview sent = overview(id);
        assertThat(sent.getProcessKey()).isEqualTo("externalStudy");
        assertThat(sent.getApplicant()).isEqualTo("li.na");
        assertThat(sent.getApplicantName()).isEqualTo("李娜");
        assertThat(sent.getTeachingGroupId()).isEqualTo("chinese");
        assertThat(sent.getTitle()).isEqualTo(title);
        assertThat(sent.getStartDate()).hasToString("2030-03-11");
        assertThat(sent.getEndDate()).hasToString("2030-03-12");
        assertThat(sent.getState()).isEqualTo(State.RUNNING);
        assertThat(sent.getStep()).isEqualTo("leaderReview");
        assertThat(sent.getOpenSteps()).containsExactly("leaderReview");
        assertThat(sent.getWaitingSince()).isNotNull();

        // when her leader approves over REST
        rest.complete("chen.jing", task(id, "leaderReview"), Map.of("leaderDecision", "approve",
                "leaderComment", "同意")).isNoContent();

        // then it waits for the office, and once the office registers it over REST, for the trip's end
        assertThat(overview(id).getStep()).isEqualTo("officeRegistration");
        rest.complete("zhao.min", task(id, "officeRegistration"), Map.of()).isNoContent();
        RequestOverview registered = overview(id);
        assertThat(registered.getStep()).isEqualTo("tripEnds");
        assertThat(registered.getApprovalNumber()).matches("WX-\\d{4}-\\d{3,4}");
        assertThat(registered.getStatus()).isEqualTo("tripEnds");

        // when the trip's end date comes
        Job timer = managementService.createJobQuery().processInstanceId(id).activityId("tripEnds").singleResult();
        managementService.executeJob(timer.getId());

        // then the request is completed at its end event and the report-back is a request of hers too
        RequestOverview ended = overview(id);
        assertThat(ended.getState()).isEqualTo(State.COMPLETED);
        assertThat(ended.getEndActivityId()).isEqualTo("tripEnded");
        assertThat(ended.getOpenSteps()).isEmpty();
        assertThat(ended.getEndedAt()).isNotNull();
        RequestOverview reportBack = overviews.ofApplicant("li.na", org.springframework.data.domain.PageRequest.of(0,
                50)).getContent().stream().filter(o -> o.getProcessKey().equals("postStudyReport")
                        && title.equals(o.getTitle())).findFirst().orElseThrow();
        assertThat(reportBack.getStep()).isEqualTo("returnCheckIn");
        assertThat(reportBack.getDue()).isNotNull();
        assertThat(reportBack.getTeachingGroupId()).isEqualTo("chinese");
    }

    @Test
    void aRefusedRequestIsRejectedAndATakenBackOneWithdrawn() {
        String refused = start("li.na", title + " 驳回");
        rest.complete("chen.jing", task(refused, "leaderReview"), Map.of("leaderDecision", "reject",
                "leaderComment", "与期中考试冲突")).isNoContent();
        assertThat(overview(refused).getState()).isEqualTo(State.REJECTED);
        assertThat(overview(refused).getStatus()).isEqualTo("requestRejected");

        String takenBack = start("li.na", title + " 撤回");
        runtimeService.createMessageCorrelation("externalStudyWithdrawn").processInstanceId(takenBack).correlate();
        assertThat(overview(takenBack).getState()).isEqualTo(State.WITHDRAWN);
        assertThat(overview(takenBack).getStatus()).isEqualTo("requestWithdrawn");
    }

    @Test
    void aRewrittenVariableDoesNotChangeTheReadModel() {
        // given a request waiting for the leader
        String id = start("li.na", title);

        // when the admin rewrites its title variable over REST (the only one who may)
        rest.put("admin", "/engine-rest/process-instance/" + id + "/variables/title",
                EngineRest.variable("改过的标题"));
        assertThat(runtimeService.getVariable(id, "title")).isEqualTo("改过的标题");

        // then the read model keeps the title the request was sent with, even after the next step
        rest.complete("chen.jing", task(id, "leaderReview"), Map.of("leaderDecision", "approve",
                "leaderComment", "同意")).isNoContent();
        assertThat(overview(id).getTitle()).isEqualTo(title);
    }

    @Test
    void olderRequestsWithoutARowAreFilledOnceAtStartUp() {
        // given a request registered for its trip whose row is missing (a database older than the read model)
        String id = start("zhou.tao", title);
        taskService.complete(task(id, "leaderReview"), Map.of("leaderDecision", "approve", "leaderComment", "同意"));
        taskService.complete(task(id, "officeRegistration"));
        RequestOverview before = overview(id);
        repository.deleteById(id);

        // when the start-up fill runs, twice
        assertThat(backfill.fill()).isGreaterThanOrEqualTo(1);
        assertThat(backfill.fill()).isZero();

        // then the row is as the listeners wrote it
        RequestOverview after = overview(id);
        assertThat(after).usingRecursiveComparison().comparingOnlyFields("processKey", "applicant", "applicantName",
                "teachingGroupId", "title", "startDate", "endDate", "state", "step", "approvalNumber")
                .isEqualTo(before);
    }

    private RequestOverview overview(String id) {
        return repository.findById(id).orElseThrow();
    }

    private String task(String instanceId, String key) {
        return ExternalStudyRequests.taskAt(taskService, instanceId, key);
    }

    private String start(String applicant, String title) {
        return new ExternalStudyRequests(identityService, runtimeService).start(applicant, title);
    }
}
