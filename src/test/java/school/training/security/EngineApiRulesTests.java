package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
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
 * The engine API's rules hold for every client, {@code /engine-rest} with HTTP Basic and Camunda's
 * webapps' {@code /camunda/api/engine} with our login: job commands only by the admin and a refused one
 * never changes the job; metrics, statistics and the user and group lists only for the office and the
 * admin; comments and attachments on a task only by those who may work it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class EngineApiRulesTests {

    private static final String WEBAPP_API = "/camunda/api/engine/engine/default";

    TestRestTemplate rest;

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
    void noRedirects(TestRestTemplate template) {
        this.rest = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** Camunda's REST API and webapps look the engine up by name: put this context's engine back first. */
    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    // ---- jobs ----------------------------------------------------------------------------------

    @Test
    void onlyTheAdminExecutesAJobAndRefusedCallsLeaveItsRetries() {
        Job timer = tripEndTimer("li.na");
        assertThat(timer.getRetries()).isEqualTo(3);

        // the applicant herself, whose request the timer belongs to, and the office: refused, with a reason
        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> refused = as("li.na").postForEntity("/engine-rest/job/" + timer.getId() + "/execute",
                    null, String.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("camunda-admin");
        }
        assertThat(as("zhao.min").postForEntity("/engine-rest/job/" + timer.getId() + "/execute", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").exchange("/engine-rest/job/" + timer.getId() + "/retries", HttpMethod.PUT,
                json(Map.of("retries", 0)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").exchange("/engine-rest/job/" + timer.getId() + "/suspended", HttpMethod.PUT,
                json(Map.of("suspended", true)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").exchange("/engine-rest/job/" + timer.getId() + "/duedate", HttpMethod.PUT,
                json(Map.of("duedate", "2020-01-01T00:00:00.000+0000")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").exchange("/engine-rest/job-definition/" + timer.getJobDefinitionId() + "/suspended",
                HttpMethod.PUT, json(Map.of("suspended", true)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        Job after = job(timer.getId());
        assertThat(after.getRetries()).isEqualTo(3);
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());

        // reading and querying stay open (Camunda's authorizations decide what each person sees)
        assertThat(as("li.na").getForEntity("/engine-rest/job?jobId=" + timer.getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("li.na").postForEntity("/engine-rest/job/count", json(Map.of()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // the admin still can: the trip ends and the report-back starts
        ResponseEntity<String> executed = as("admin").postForEntity("/engine-rest/job/" + timer.getId() + "/execute",
                null, String.class);
        assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).isZero();
    }

    @Test
    void theSameJobRulesHoldInCamundasWebapps() {
        Job timer = tripEndTimer("li.na");
        HttpHeaders headers = logIn("li.na");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = rest.exchange(WEBAPP_API + "/job/" + timer.getId() + "/execute",
                HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("camunda-admin");
        assertThat(job(timer.getId()).getRetries()).isEqualTo(3);
    }

    @Test
    void aJobCallTheEngineRefusesUsesNoRetryWhateverTheClient() {
        // past the security rules (our own code, a plugin, a future client): the engine itself keeps the job
        Job timer = tripEndTimer("li.na");
        identityService.setAuthentication("zhou.tao", List.of("teachers"));
        try {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> managementService.executeJob(timer.getId()))
                        .isInstanceOf(AuthorizationException.class);
            }
        } finally {
            identityService.clearAuthentication();
        }
        Job after = job(timer.getId());
        assertThat(after.getRetries()).isEqualTo(3);
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(managementService.createJobQuery().jobId(timer.getId()).withException().count()).isZero();
    }

    // ---- metrics, statistics, user and group lists ---------------------------------------------

    @Test
    void metricsStatisticsAndTheUserAndGroupListsAreForTheOfficeAndTheAdmin() {
        for (String url : List.of("/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/metrics",
                "/engine-rest/process-definition/statistics", "/engine-rest/user", "/engine-rest/user/count",
                "/engine-rest/group", "/engine-rest/group/count")) {
            ResponseEntity<String> teacher = as("li.na").getForEntity(url, String.class);
            assertThat(teacher.getStatusCode()).as("teacher GET " + url).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(teacher.getBody()).as(url).contains("办公室和系统管理员");
            assertThat(as("chen.jing").getForEntity(url, String.class).getStatusCode()).as("leader GET " + url)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            if (!url.equals("/engine-rest/metrics")) {
                assertThat(as("zhao.min").getForEntity(url, String.class).getStatusCode()).as("office GET " + url)
                        .isEqualTo(HttpStatus.OK);
                assertThat(as("admin").getForEntity(url, String.class).getStatusCode()).as("admin GET " + url)
                        .isEqualTo(HttpStatus.OK);
            }
        }
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("externalStudy").latestVersion().singleResult().getId();
        assertThat(as("li.na").getForEntity("/engine-rest/process-definition/" + definitionId + "/statistics",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("zhao.min").getForEntity("/engine-rest/process-definition/" + definitionId + "/statistics",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> office = as("zhao.min").getForEntity("/engine-rest/user", String.class);
        assertThat(office.getBody()).contains("\"id\":\"li.na\"").contains("\"id\":\"liu.hua\"");

        // what Camunda's Tasklist and profile page still need: one user by id, one's own groups
        ResponseEntity<String> oneUser = as("li.na").getForEntity("/engine-rest/user?id=chen.jing&maxResults=1",
                String.class);
        assertThat(oneUser.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oneUser.getBody()).contains("\"id\":\"chen.jing\"").doesNotContain("\"id\":\"li.na\"");
        assertThat(as("li.na").getForEntity("/engine-rest/user?firstNameLike=%25&maxResults=1", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").getForEntity("/engine-rest/group?member=li.na", String.class).getBody())
                .contains("\"id\":\"teachers\"");
        assertThat(as("li.na").getForEntity("/engine-rest/group?member=liu.hua", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("li.na").postForEntity("/engine-rest/group", json(Map.of("member", "li.na")), String.class)
                .getBody()).contains("\"id\":\"teachers\"");
        assertThat(as("li.na").postForEntity("/engine-rest/group", json(Map.of()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("zhao.min").postForEntity("/engine-rest/group", json(Map.of()), String.class).getBody())
                .contains("\"id\":\"teachers\"").contains("\"id\":\"office\"");
        assertThat(as("li.na").getForEntity("/engine-rest/user/li.na/profile", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theSameListsAreClosedInCamundasWebappsAndCockpitsApiToo() {
        HttpEntity<Void> teacher = new HttpEntity<>(logIn("zhou.tao"));
        for (String url : List.of(WEBAPP_API + "/user", WEBAPP_API + "/group/count", WEBAPP_API + "/metrics",
                WEBAPP_API + "/process-definition/statistics",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")) {
            ResponseEntity<String> refused = rest.exchange(url, HttpMethod.GET, teacher, String.class);
            assertThat(refused.getStatusCode()).as("teacher GET " + url).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.exchange(WEBAPP_API + "/user?id=zhou.tao&maxResults=1", HttpMethod.GET, teacher,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // Camunda's profile page lists the person's own groups
        ResponseEntity<String> ownGroups = rest.exchange(WEBAPP_API + "/group?firstResult=0&maxResults=25&member=zhou.tao",
                HttpMethod.GET, teacher, String.class);
        assertThat(ownGroups.getStatusCode()).as(ownGroups.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ownGroups.getBody()).contains("\"id\":\"teachers\"");
        assertThat(rest.exchange(WEBAPP_API + "/group/count?member=zhou.tao", HttpMethod.GET, teacher, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // ... which it asks for in a POST body, as Camunda's JavaScript client does
        HttpHeaders postJson = new HttpHeaders();
        postJson.addAll(teacher.getHeaders());
        postJson.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> ownGroupsPosted = rest.exchange(WEBAPP_API + "/group?maxResults=25&firstResult=0",
                HttpMethod.POST, new HttpEntity<>("{\"firstResult\":0,\"maxResults\":25,\"member\":\"zhou.tao\"}",
                        postJson), String.class);
        assertThat(ownGroupsPosted.getStatusCode()).as(ownGroupsPosted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ownGroupsPosted.getBody()).contains("\"id\":\"teachers\"").doesNotContain("\"id\":\"office\"");
        for (String otherQuery : List.of("{\"member\":\"liu.hua\"}", "{}", "{\"member\":\"zhou.tao\",\"idIn\":[\"office\"]}",
                "not json")) {
            assertThat(rest.exchange(WEBAPP_API + "/group", HttpMethod.POST, new HttpEntity<>(otherQuery, postJson),
                    String.class).getStatusCode()).as(otherQuery).isEqualTo(HttpStatus.FORBIDDEN);
        }
        HttpEntity<Void> office = new HttpEntity<>(logIn("zhao.min"));
        assertThat(rest.exchange(WEBAPP_API + "/user", HttpMethod.GET, office, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void camundasOwnLoginFormIsClosedItWouldCheckPasswordsPastTheThrottle() {
        // as Camunda's login form would send it, XSRF header included
        HttpHeaders headers = logIn("zhou.tao");
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "liu.hua");
        form.add("password", "demo");
        ResponseEntity<String> refused = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("liu.hua");
    }

    // ---- comments and attachments --------------------------------------------------------------

    @Test
    void onlyThoseWhoMayWorkATaskCommentOnItOrAttachToIt() {
        String requestId = startRequest("li.na");
        Task review = taskService.createTaskQuery().processInstanceId(requestId).taskDefinitionKey("leaderReview")
                .singleResult();
        assertThat(review.getAssignee()).isEqualTo("chen.jing");

        // the applicant may read her request's history, the office every request's: neither works the review
        for (String user : List.of("li.na", "zhao.min", "zhou.tao")) {
            ResponseEntity<String> comment = as(user).postForEntity("/engine-rest/task/" + review.getId()
                    + "/comment/create", json(Map.of("message", "已同意，直接通过吧")), String.class);
            assertThat(comment.getStatusCode().is4xxClientError()).as(user + " comments: " + comment.getBody()).isTrue();
            ResponseEntity<String> attachment = as(user).postForEntity("/engine-rest/task/" + review.getId()
                    + "/attachment/create", attachmentForm("https://example.org/a.pdf"), String.class);
            assertThat(attachment.getStatusCode().is4xxClientError()).as(user + " attaches: " + attachment.getBody())
                    .isTrue();
        }
        assertThat(taskService.getTaskComments(review.getId())).isEmpty();
        assertThat(taskService.getTaskAttachments(review.getId())).isEmpty();

        // the leader who works it can
        ResponseEntity<String> comment = as("chen.jing").postForEntity("/engine-rest/task/" + review.getId()
                + "/comment/create", json(Map.of("message", "请补充日程")), String.class);
        assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> attachment = as("chen.jing").postForEntity("/engine-rest/task/" + review.getId()
                + "/attachment/create", attachmentForm("https://example.org/agenda.pdf"), String.class);
        assertThat(attachment.getStatusCode()).as(attachment.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(taskService.getTaskComments(review.getId())).singleElement()
                .satisfies(c -> assertThat(c.getUserId()).isEqualTo("chen.jing"));
        String attachmentId = taskService.getTaskAttachments(review.getId()).get(0).getId();

        // and nobody else removes what she attached
        assertThat(as("li.na").exchange("/engine-rest/task/" + review.getId() + "/attachment/" + attachmentId,
                HttpMethod.DELETE, null, String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(taskService.getTaskAttachments(review.getId())).hasSize(1);
    }

    // ---- fixtures ------------------------------------------------------------------------------

    /** An approved, registered outside-study request: its trip-end timer waits for the last day. */
    private Job tripEndTimer(String applicant) {
        String id = startRequest(applicant);
        Task review = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("leaderReview")
                .singleResult();
        taskService.complete(review.getId(), Map.of("leaderDecision", "approve"));
        Task registration = taskService.createTaskQuery().processInstanceId(id)
                .taskDefinitionKey("officeRegistration").singleResult();
        taskService.complete(registration.getId());
        return managementService.createJobQuery().processInstanceId(id).timers().singleResult();
    }

    private String startRequest(String applicant) {
        LocalDate start = LocalDate.now().plusDays(30);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicant", applicant);
        variables.put("title", "市级教研活动（规则测试）");
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", false);
        variables.put("startDate", start.toString());
        variables.put("endDate", start.plusDays(1).toString());
        variables.put("purpose", "学习新课标下的阅读教学");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("invitation", "attachment-1");
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Job job(String id) {
        return managementService.createJobQuery().jobId(id).singleResult();
    }

    private TestRestTemplate as(String userId) {
        return rest.withBasicAuth(userId, "demo");
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<MultiValueMap<String, Object>> attachmentForm(String url) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("attachment-name", "日程");
        form.add("attachment-description", "活动日程");
        form.add("attachment-type", "application/pdf");
        form.add("url", url);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    /**
     * Our login form (correct password, from 127.0.0.1), then Camunda's Tasklist as the browser opens it:
     * answers the headers Camunda's webapps send, the session and XSRF cookies and the XSRF header.
     */
    private HttpHeaders logIn(String username) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, sessionCookie(page));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", "demo");
        form.add("_csrf", token.group(1));
        ResponseEntity<String> response = rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/");
        String session = sessionCookie(response);
        // the browser opens Camunda's webapp first, which signs the session in and sets its XSRF cookie
        ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                withCookie(session), String.class);
        String xsrf = tasklist.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.split(";", 2)[0].substring("XSRF-TOKEN=".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF cookie from Tasklist"));
        HttpHeaders webapp = new HttpHeaders();
        webapp.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + xsrf);
        webapp.add("X-XSRF-TOKEN", xsrf);
        return webapp;
    }

    private static String sessionCookie(ResponseEntity<?> response) {
        List<String> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static HttpEntity<Void> withCookie(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return new HttpEntity<>(headers);
    }
}
