package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls Camunda's REST API the way a school's script does (HTTP Basic on /engine-rest) and Camunda's
 * Tasklist does (a signed-in session on /camunda/api/engine with Camunda's XSRF cookie and header), so
 * tests in each process's package can try what a person could send from outside our pages.
 */
public final class EngineRest {

    /** What the engine's gate answers for a command only the admin may run (SubmissionGate). */
    public static final String ADMIN_ONLY = "Only the administrator may do this directly";
    /** form.error.notInForm */
    public static final String NOT_IN_FORM = "这一步的表单没有这一项";

    public static final String READ_ONLY = "这一项只读";
    /** request.error.ownRequest */
    public static final String OWN_REQUEST = "不能审批或评定本人的申请";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    public EngineRest(TestRestTemplate rest) {
        this.rest = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** An answer of the API: its status and what it said. */
    public record Answer(HttpStatus status, String body) {

        /** Camunda's error body {"type": …, "message": …}: the message, or the whole body. */
        public String message() {
            try {
                Object message = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
                }).get("message");
                return message == null ? body : message.toString();
            } catch (IOException | IllegalArgumentException e) {
                return String.valueOf(body);
            }
        }

        public Map<String, Object> object() {
            assertThat(status.is2xxSuccessful()).as("%s: %s", status, body).isTrue();
            return read(body, new TypeReference<Map<String, Object>>() {
            });
        }

        public List<Map<String, Object>> list() {
            assertThat(status.is2xxSuccessful()).as("%s: %s", status, body).isTrue();
            return read(body, new TypeReference<List<Map<String, Object>>>() {
            });
        }

        /** Refused with this status and a message naming the problem. */
        public void isRefused(HttpStatus expected, String... messageParts) {
            assertThat(status).as("answer: %s", body).isEqualTo(expected);
            assertThat(message()).as("message of the %s answer", status).contains(messageParts);
        }

        public void isNoContent() {
            assertThat(status).as("answer: %s", body).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    public Answer get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    public Answer post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    public Answer put(String user, String path, Object body) {
        return call(user, HttpMethod.PUT, path, body);
    }

    public Answer delete(String user, String path) {
        return call(user, HttpMethod.DELETE, path, null);
    }

    /** POST /task/{id}/complete with these values (typed as Camunda's REST API wants them). */
    public Answer complete(String user, String taskId, Map<String, ?> values) {
        return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(values)));
    }

    private Answer call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return answer(rest.exchange(path, method, new HttpEntity<>(body, headers), byte[].class));
    }

    /** Camunda's REST form of variables: {"name": {"value": …, "type": "String"}, …}. */
    public static Map<String, Object> typed(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, variable(value)));
        return variables;
    }

    public static Map<String, Object> variable(Object value) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", value);
        variable.put("type", value == null ? "Null" : value.getClass().getSimpleName());
        return variable;
    }

    /** Signs in on our login page, opens Camunda's Tasklist (single sign-on) and takes its XSRF token. */
    public Tasklist tasklist(String user) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie(page, "JSESSIONID"));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", "demo");
        form.add("_csrf", token.group(1));
        ResponseEntity<String> login = rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(login.getHeaders().getLocation().getPath()).as("signed in").isEqualTo("/");
        String session = cookie(login, "JSESSIONID");

        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> app = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(withSession), String.class);
        assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Camunda hands its XSRF token out with the first page of the session, as a cookie and a header
        String xsrf = app.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(xsrf).as("Camunda's XSRF token, headers %s", app.getHeaders()).isNotNull();
        return new Tasklist(session, xsrf);
    }

    /** A signed-in Tasklist session: calls Tasklist's own engine API as its pages do. */
    public final class Tasklist {
        private final String session;
        private final String xsrf;

        private Tasklist(String session, String xsrf) {
            this.session = session;
            this.xsrf = xsrf;
        }

        /** Tasklist's "Complete" button on a task with a Camunda Form. */
        public Answer submitForm(String taskId, Map<String, ?> values) {
            return post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    Map.of("variables", typed(values)));
        }

        public Answer post(String path, Object body) {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + xsrf);
            headers.add("X-XSRF-TOKEN", xsrf);
            headers.setContentType(MediaType.APPLICATION_JSON);
            return answer(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), byte[].class));
        }
    }

    /** Read as UTF-8 whatever the content type says: Camunda's JSON errors carry Chinese messages. */
    private static Answer answer(ResponseEntity<byte[]> response) {
        byte[] body = response.getBody();
        return new Answer(HttpStatus.valueOf(response.getStatusCode().value()),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
