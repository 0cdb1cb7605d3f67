package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
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

/** One login on our page also signs the person into Camunda's Tasklist, Cockpit and Admin. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class WebappSingleSignOnTests {

    TestRestTemplate rest;

    @Autowired
    ProcessEngine processEngine;

    /**
     * Camunda's REST API and webapps look the engine up by name in a static registry; other test
     * contexts in this JVM register their own "default" engine, so put this context's back first.
     */
    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Autowired
    void noRedirects(TestRestTemplate template) {
        // we look at the redirects themselves (to /login, back to /)
        this.rest = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @Test
    void formLoginSignsIntoCamundaWebapps() {
        String session = logIn("li.na", "demo");

        // the browser opens Tasklist first; Camunda's filter signs the session in for engine "default"
        ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                withCookie(session), String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> user = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                withCookie(session), String.class);
        assertThat(user.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(user.getBody()).contains("\"userId\":\"li.na\"");

        ResponseEntity<String> home = rest.exchange("/", HttpMethod.GET, withCookie(session), String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void loggingOutOfTasklistEndsTheWholeSession() {
        String session = logIn("zhou.tao", "demo");
        rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, withCookie(session), String.class);

        // Tasklist's logout button: an XHR to Camunda's logout endpoint
        ResponseEntity<String> logout = rest.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
                withCookie(session), String.class);
        assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // single sign-on does not sign the person straight back in: our pages want a login again
        ResponseEntity<String> home = rest.exchange("/", HttpMethod.GET, withCookie(session), String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(home.getHeaders().getLocation().getPath()).isEqualTo("/login");
        ResponseEntity<String> api = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                withCookie(session), String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutLoginCamundaAsksNobodyAndSendsToOurLogin() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(tasklist.getHeaders().getLocation()).isNotNull();
        assertThat(tasklist.getHeaders().getLocation().getPath()).isEqualTo("/login");

        ResponseEntity<String> api = rest.getForEntity("/camunda/api/admin/auth/user/default", String.class);
        assertThat(api.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(api.getBody() == null ? "" : api.getBody()).doesNotContain("\"userId\"");
    }

    @Test
    void badPasswordDoesNotSignIn() {
        // a demo teacher no other test logs in with: wrong passwords count towards the login throttle
        ResponseEntity<String> response = postLogin("dong.lei", "wrong");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().toString()).contains("/login?error");
    }

    /** GET /login for the CSRF token and session, POST the form; answers the signed-in session cookie. */
    private String logIn(String username, String password) {
        ResponseEntity<String> response = postLogin(username, password);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/");
        return sessionCookie(response);
    }

    private ResponseEntity<String> postLogin(String username, String password) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, sessionCookie(page));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        return rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
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
