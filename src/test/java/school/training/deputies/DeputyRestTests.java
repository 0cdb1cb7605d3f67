package school.training.deputies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import school.training.security.EngineRest;
import school.training.security.EngineRest.Answer;
import school.training.tasklist.Requests;
import school.training.tasklist.TimelineEntry;

/**
 * A deputy works the task on Camunda's REST API like on our pages: zhou.tao, a teacher, approves li.na's
 * request for chen.jing with HTTP Basic; the timeline says he did it for her. A colleague who is not
 * the deputy is refused, and so is a deputy on their own request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class DeputyRestTests {

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
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
    @Autowired
    Requests requests;

    EngineRest rest;
    DeputyFixtures fixtures;

    @BeforeEach
    void setUp() {
        // Camunda's REST API looks the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
        fixtures = new DeputyFixtures(deputies, deputyships, identityService, runtimeService, taskService);
        fixtures.forgetAll();
    }

    @AfterEach
    void cleanUp() {
        fixtures.forgetAll();
    }

    @Test
    void theDeputyCompletesTheTaskOnTheRestApiAndTheTimelineSaysForWhom() {
        // given chen.jing away, zhou.tao (a teacher of 数学组) her deputy, and li.na's request
        LocalDate today = deputies.today();
        fixtures.name("chen.jing", "zhou.tao", today, today.plusDays(2), false);
        ProcessInstance request = fixtures.request("li.na");
        Task review = fixtures.task(request, "leaderReview");
        assertThat(review.getAssignee()).isEqualTo("zhou.tao");

        // when sun.wei, a leader but not her deputy, tries it, and li.na lists zhou.tao's tasks
        Answer colleague = rest.complete("sun.wei", review.getId(), Map.of("leaderDecision", "approve"));
        // then he is refused and nothing changed
        assertThat(colleague.status().is4xxClientError()).as("%s", colleague).isTrue();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        // when zhou.tao sees it in his task list and approves it
        assertThat(rest.get("zhou.tao", "/engine-rest/task?assignee=zhou.tao").list())
                .anyMatch(task -> review.getId().equals(task.get("id")) && "chen.jing".equals(task.get("owner")));
        rest.complete("zhou.tao", review.getId(), Map.of("leaderDecision", "approve")).isNoContent();

        // then the request moved on and its timeline says zhou.tao approved for chen.jing
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
        TimelineEntry step = requests.timeline(request.getId()).stream()
                .filter(entry -> "leaderReview".equals(entry.activityId())).findFirst().orElseThrow();
        assertThat(step.who()).isEqualTo("zhou.tao");
        assertThat(step.whoName()).isEqualTo("周涛");
        assertThat(step.onBehalfOf()).isEqualTo("chen.jing");
        assertThat(step.onBehalfOfName()).isEqualTo("陈静");
    }

    @Test
    void aStepNotHandedOverShowsNobodyOnBehalf() {
        ProcessInstance request = fixtures.request("li.na");
        rest.complete("chen.jing", fixtures.task(request, "leaderReview").getId(), Map.of("leaderDecision", "approve"))
                .isNoContent();

        TimelineEntry step = requests.timeline(request.getId()).stream()
                .filter(entry -> "leaderReview".equals(entry.activityId())).findFirst().orElseThrow();
        assertThat(step.who()).isEqualTo("chen.jing");
        assertThat(step.onBehalfOf()).isNull();
    }
}
