package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;

import school.training.attachments.Attachments;

/**
 * Camunda's REST API (a Jersey servlet MockMvc cannot reach) behind HTTP Basic with the school's
 * accounts and Camunda authorizations: everyone sees only their own work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class RestApiSecurityTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    Attachments attachments;

    /**
     * Camunda's REST API and webapps look the engine up by name in a static registry; other test
     * contexts in this JVM register their own "default" engine, so put this context's back first.
     */
    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordOrUnknownUserAnswers401() {
        // cai.xinyi, a demo teacher, is used by no other test: wrong passwords count towards the login throttle
        assertThat(rest.withBasicAuth("cai.xinyi", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("nobody.here", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void requestStartedThroughRestIsVisibleToApplicantLeaderAndOfficeOnly() {
        String id = startAs("li.na");

        // the engine records the applicant from the REST login (camunda:initiator)
        Map<String, Object> applicant = as("li.na")
                .exchange("/engine-rest/process-instance/" + id + "/variables/applicant", HttpMethod.GET, null, OBJECT)
                .getBody();
        assertThat(applicant).containsEntry("value", "li.na");

        List<Map<String, Object>> leaderTasks = get("chen.jing", "/engine-rest/task?processInstanceId=" + id);
        assertThat(leaderTasks).singleElement().satisfies(task -> {
            assertThat(task.get("taskDefinitionKey")).isEqualTo("leaderReview");
            assertThat(task.get("assignee")).isEqualTo("chen.jing");
        });
        assertThat(get("sun.wei", "/engine-rest/task?processInstanceId=" + id)).isEmpty();

        String instances = "/engine-rest/process-instance?processDefinitionKey=externalStudy";
        assertThat(ids(get("li.na", instances))).contains(id);
        assertThat(ids(get("chen.jing", instances))).contains(id);
        assertThat(ids(get("zhao.min", instances))).contains(id);
        assertThat(ids(get("liu.hua", instances))).contains(id);
        assertThat(ids(get("sun.wei", instances))).doesNotContain(id);
        assertThat(as("sun.wei").getForEntity("/engine-rest/process-instance/" + id + "/variables", String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();

        String history = "/engine-rest/history/process-instance?processDefinitionKey=externalStudy";
        assertThat(ids(get("li.na", history))).contains(id);
        assertThat(ids(get("sun.wei", history))).doesNotContain(id);
    }

    @Test
    void teacherSeesOnlyHerOwnTasks() {
        String id = startAs("li.na");
        String reviewId = (String) get("chen.jing", "/engine-rest/task?processInstanceId=" + id).get(0).get("id");
        assertThat(ids(get("li.na", "/engine-rest/task"))).doesNotContain(reviewId);

        // returned for changes: now li.na has a task of her own
        complete("chen.jing", reviewId, Map.of("leaderDecision", variable("revise", "String"), "leaderComment",
                variable("请补充调课安排", "String")));
        List<Map<String, Object>> mine = get("li.na", "/engine-rest/task");
        assertThat(mine).isNotEmpty().allSatisfy(task -> assertThat(task.get("assignee")).isEqualTo("li.na"));
        assertThat(mine).anySatisfy(task -> {
            assertThat(task.get("processInstanceId")).isEqualTo(id);
            assertThat(task.get("taskDefinitionKey")).isEqualTo("reviseRequest");
        });
    }

    @Test
    void leaderReadsTheDeployedFormAndCompletesTheReview() {
        String id = startAs("li.na");
        String reviewId = (String) get("chen.jing", "/engine-rest/task?processInstanceId=" + id).get(0).get("id");

        ResponseEntity<String> form = as("chen.jing").getForEntity("/engine-rest/task/" + reviewId + "/deployed-form",
                String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("\"id\"").contains("externalStudy-leaderReview").contains("leaderDecision");
        assertThat(as("sun.wei").getForEntity("/engine-rest/task/" + reviewId + "/deployed-form", String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();

        // another group's leader cannot decide it
        assertThat(as("sun.wei").postForEntity("/engine-rest/task/" + reviewId + "/complete",
                json(Map.of("variables", Map.of("leaderDecision", variable("approve", "String")))), String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();

        complete("chen.jing", reviewId, Map.of("leaderDecision", variable("approve", "String")));

        List<Map<String, Object>> next = get("zhao.min", "/engine-rest/task?processInstanceId=" + id);
        assertThat(next).singleElement()
                .satisfies(task -> assertThat(task.get("taskDefinitionKey")).isEqualTo("officeRegistration"));
        assertThat(get("chen.jing", "/engine-rest/task?processInstanceId=" + id)).isEmpty();
    }

    private String startAs(String userId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("title", variable("区级数学教研活动（REST）", "String"));
        variables.put("organizer", variable("区教研室", "String"));
        variables.put("level", variable("county", "String"));
        variables.put("kind", variable("training", "String"));
        variables.put("location", variable("区实验小学", "String"));
        variables.put("outOfProvince", variable(false, "Boolean"));
        variables.put("startDate", variable(LocalDate.now().plusDays(14).toString(), "String"));
        variables.put("endDate", variable(LocalDate.now().plusDays(15).toString(), "String"));
        variables.put("purpose", variable("学习区里的单元整体教学设计经验。", "String"));
        variables.put("classCover", variable("同组老师代课", "String"));
        variables.put("budgetTransport", variable(50.0, "Double"));
        variables.put("budgetLodging", variable(0.0, "Double"));
        variables.put("budgetFees", variable(100.0, "Double"));
        variables.put("budgetOther", variable(0.0, "Double"));
        // files come in through our pages (Camunda's REST API has no upload into the app's store)
        variables.put("invitation", variable(attachments.store(new MockMultipartFile("invitation", "通知.pdf",
                "application/pdf", new byte[] { 1, 2, 3 }), userId).getId(), "String"));
        ResponseEntity<Map<String, Object>> response = as(userId).exchange(
                "/engine-rest/process-definition/key/externalStudy/start", HttpMethod.POST,
                json(Map.of("variables", variables)), OBJECT);
        assertThat(response.getStatusCode()).as("start: " + response.getBody()).isEqualTo(HttpStatus.OK);
        return (String) response.getBody().get("id");
    }

    private void complete(String userId, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = as(userId).postForEntity("/engine-rest/task/" + taskId + "/complete",
                json(Map.of("variables", variables)), String.class);
        assertThat(response.getStatusCode()).as("complete: " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private TestRestTemplate as(String userId) {
        return rest.withBasicAuth(userId, "demo");
    }

    private List<Map<String, Object>> get(String userId, String url) {
        ResponseEntity<String> response = as(userId).getForEntity(url, String.class);
        assertThat(response.getStatusCode()).as(userId + " GET " + url + ": " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        try {
            return JSON.readValue(response.getBody(), new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(userId + " GET " + url + ": " + response.getBody(), e);
        }
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("id")).toList();
    }

    private static Map<String, Object> variable(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
