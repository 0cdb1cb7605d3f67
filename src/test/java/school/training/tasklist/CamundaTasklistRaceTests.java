package school.training.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Camunda's Tasklist submits forms to its own copy of the REST API (/camunda/api/engine/…/submit-form),
 * a JAX-RS application apart from /engine-rest: a late or losing submission there answers 409 with
 * the reason too, and a rule the engine refuses answers 400 — not 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CamundaTasklistRaceTests {

    static final String API = "/camunda/api/engine/engine/default/task/";

    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Autowired
    void noRedirects(TestRestTemplate template) {
        this.rest = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Test
    void submittingATaskSomeoneFinishedAMomentAgoAnswers409() {
        String id = request();
        Task review = task(id, "leaderReview");
        Tasklist chen = signIn("chen.jing");
        taskService.complete(review.getId(), Map.of("leaderDecision", "approve"));

        ResponseEntity<String> late = chen.submit(review.getId(), approval());

        assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).contains("已由他人办理");
    }

    @Test
    void twoTabsSubmittingOneTaskInTasklist() throws Exception {
        Tasklist chen = signIn("chen.jing");
        for (int round = 0; round < 5; round++) {
            String id = request();
            Task review = task(id, "leaderReview");

            List<ResponseEntity<String>> results = Race.of(() -> chen.submit(review.getId(), approval()),
                    () -> chen.submit(review.getId(), approval()));

            assertThat(results.stream().map(ResponseEntity::getStatusCode)).as("round " + round + ": " + results)
                    .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        }
    }

    @Test
    void aRuleTheEngineRefusesAnswers400WithItsMessage() {
        String id = request();
        Task review = task(id, "leaderReview");
        Tasklist chen = signIn("chen.jing");

        ResponseEntity<String> refused = chen.submit(review.getId(), "{\"variables\":{\"leaderDecision\":"
                + "{\"value\":\"reject\",\"type\":\"String\"}}}");

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("leaderComment");
    }

    static String approval() {
        return "{\"variables\":{\"leaderDecision\":{\"value\":\"approve\",\"type\":\"String\"}}}";
    }

    String request() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicant", "li.na");
        variables.put("title", "市级语文教研活动（Tasklist 并发）");
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", "2030-03-11");
        variables.put("endDate", "2030-03-12");
        variables.put("purpose", "学习新课标下的阅读教学");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("invitation", "attachment-1");
        return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
    }

    Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    /** Signs in on our login page, opens Tasklist (single sign-on) and picks up Camunda's XSRF token. */
    Tasklist signIn(String userId) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie(page, "JSESSIONID"));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", "demo");
        form.add("_csrf", token.group(1));
        ResponseEntity<String> login = rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String session = cookie(login, "JSESSIONID");

        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        // the first page of Tasklist signs the session in and hands out Camunda's XSRF token as a cookie
        ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(withSession), String.class);
        String xsrf = cookie(tasklist, "XSRF-TOKEN").substring("XSRF-TOKEN=".length());
        return new Tasklist(session, xsrf);
    }

    static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(c -> c.startsWith(name + "=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.getHeaders()));
    }

    /** What Tasklist in a browser sends: the session, Camunda's XSRF cookie and header. */
    class Tasklist {
        final String session;
        final String xsrf;

        Tasklist(String session, String xsrf) {
            this.session = session;
            this.xsrf = xsrf;
        }

        ResponseEntity<String> submit(String taskId, String json) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + xsrf);
            headers.add("X-XSRF-TOKEN", xsrf);
            headers.add(HttpHeaders.ORIGIN, rest.getRootUri());
            return rest.exchange(API + taskId + "/submit-form", HttpMethod.POST, new HttpEntity<>(json, headers),
                    String.class);
        }
    }
}
