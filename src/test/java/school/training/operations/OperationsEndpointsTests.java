package school.training.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import school.training.engine.AsTheApp;

/**
 * Actuator as a school's IT meets it: a load balancer sees a bare status, the admin sees everything over HTTP
 * Basic, nobody else sees anything. Spring Boot's tests leave metrics exporters off unless asked: the Prometheus
 * endpoint is on here as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "test", "demo" })
class OperationsEndpointsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ADMIN_ONLY = { "/actuator/info", "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used", "/actuator/prometheus", "/actuator/health/db" };
    private static final String ONE_TASK = "operationsGaugeProbe";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectProvider<BuildProperties> build;
    @Autowired
    ObjectProvider<GitProperties> git;

    @Test
    void anyoneSeesTheBareHealthStatusAndTheProbes() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(object(health.getBody())).containsEntry("status", "UP").doesNotContainKeys("components",
                "details");
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void withoutCredentialsEverythingElseAnswers401() {
        for (String path : ADMIN_ONLY) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void aTeacherAndTheOfficeAreRefused() {
        for (String user : new String[] { "li.na", "zhao.min" }) {
            for (String path : ADMIN_ONLY) {
                ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
                assertThat(answer.getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(answer.getBody()).as("%s %s", user, path).doesNotContain("jvm", "hikari", "git");
            }
            // signed in, but not the admin: health stays bare
            ResponseEntity<String> health = rest.withBasicAuth(user, "demo").getForEntity("/actuator/health",
                    String.class);
            assertThat(object(health.getBody())).as(user).doesNotContainKey("components");
        }
    }

    @Test
    void aWrongPasswordAnswers401() {
        // chen.jing is used by no other test here: a failure counts towards the login throttle
        assertThat(rest.withBasicAuth("chen.jing", "wrong").getForEntity("/actuator/info", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminSeesTheDatabaseTheEngineAndTheJobExecutor() {
        ResponseEntity<String> health = asAdmin("/actuator/health");

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) object(health.getBody()).get("components");
        assertThat(components).containsKeys("db", "processEngine", "jobExecutor");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("processEngine")).containsEntry("status", "UP");
        // the test profile turns the job executor off on purpose: healthy, and it says why nothing runs
        Map<String, Object> jobExecutor = (Map<String, Object>) components.get("jobExecutor");
        assertThat(jobExecutor).containsEntry("status", "UP");
        assertThat((Map<String, Object>) jobExecutor.get("details")).containsEntry("enabled", false)
                .containsEntry("active", false);
    }

    @Test
    void aJobExecutorThatShouldRunButDoesNotIsDown() {
        // this engine's executor is not running (test profile); were it configured on, timers would stand still
        assertThat(new JobExecutorHealth(processEngine, true).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new JobExecutorHealth(processEngine, false).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoNamesTheVersionAndTheCommit() {
        ResponseEntity<String> info = asAdmin("/actuator/info");

        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = object(info.getBody());
        BuildProperties buildProperties = build.getIfAvailable();
        assertThat(buildProperties).as("META-INF/build-info.properties from the Maven build").isNotNull();
        assertThat((Map<String, Object>) body.get("build")).containsEntry("version", buildProperties.getVersion())
                .containsEntry("artifact", "training-approvals");
        GitProperties gitProperties = git.getIfAvailable();
        if (gitProperties != null) { // built from a git checkout (a source archive has no commit to show)
            Map<String, Object> commit = (Map<String, Object>) ((Map<String, Object>) body.get("git")).get("commit");
            assertThat(commit.get("id")).isEqualTo(gitProperties.getShortCommitId());
            assertThat(gitProperties.getShortCommitId()).matches("[0-9a-f]{7,}");
        }
    }

    @Test
    void prometheusHasTheJvmTheServerTheDatabasePoolAndTheSchoolsGauges() {
        asAdmin("/actuator/health"); // at least one request seen by the server metrics
        ResponseEntity<String> scrape = asAdmin("/actuator/prometheus");

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "hikaricp_connections_active", "training_tasks_open", "training_process_instances_running",
                "training_jobs_failed", "training_incidents_open");

        // when one more piece of work waits for someone
        double tasksBefore = value(scrape.getBody(), "training_tasks_open");
        double runningBefore = value(scrape.getBody(), "training_process_instances_running");
        AsTheApp.run(identityService, () -> runtimeService.startProcessInstanceByKey(ONE_TASK));

        // then the next scrape counts it, as the engine does
        String next = asAdmin("/actuator/prometheus").getBody();
        assertThat(value(next, "training_tasks_open")).isEqualTo(tasksBefore + 1)
                .isEqualTo((double) AsTheApp.call(identityService, () -> taskService.createTaskQuery().active().count()));
        assertThat(value(next, "training_process_instances_running")).isEqualTo(runningBefore + 1);
    }

    /** A process of one user task, deployed once into this test class's own context (its own database). */
    @BeforeAll
    static void deployOneTaskProcess(@Autowired RepositoryService repositoryService) {
        repositoryService.createDeployment().name(ONE_TASK)
                .addModelInstance(ONE_TASK + ".bpmn", Bpmn.createExecutableProcess(ONE_TASK)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("waitForSomeone").endEvent().done())
                .deploy();
    }

    private ResponseEntity<String> asAdmin(String path) {
        return rest.withBasicAuth("admin", "demo").getForEntity(path, String.class);
    }

    private static double value(String scrape, String gauge) {
        Matcher line = Pattern.compile("(?m)^" + gauge + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(gauge + " in\n" + scrape).isTrue();
        return Double.parseDouble(line.group(2));
    }

    private static Map<String, Object> object(String body) {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
