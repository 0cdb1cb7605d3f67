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

/**
 * What the browser is told: the session cookie is {@code SameSite=Lax} (a cross-site POST to Camunda's API,
 * whose XSRF check would end the session, carries no session); our pages send a Content-Security-Policy
 * (this app only, no inline code) and a Referrer-Policy; Camunda's webapps keep their own policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class SecurityHeadersTests {

    TestRestTemplate rest;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    void noRedirects(TestRestTemplate template) {
        this.rest = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Test
    void theSessionCookieIsSameSiteLax() {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        assertThat(setCookie(page, "JSESSIONID=")).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");

        // the session the login starts (a new id) too
        ResponseEntity<String> login = postLogin(page, "huang.lei");
        assertThat(login.getHeaders().getLocation().getPath()).isEqualTo("/");
        assertThat(setCookie(login, "JSESSIONID=")).containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void ourPagesSendAContentSecurityPolicyAndAReferrerPolicy() {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        assertThat(page.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY).contains("default-src 'self'").doesNotContain("unsafe");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        // nothing inline for the policy to block
        assertThat(page.getBody()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
                .doesNotContain("<style");

        String session = sessionCookie(postLogin(page, "huang.lei"));
        ResponseEntity<String> home = rest.exchange("/", HttpMethod.GET, withCookie(session), String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(home.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(home.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(home.getBody()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
                .doesNotContain("<style");
    }

    @Test
    void camundasTasklistKeepsItsOwnPolicyAndStillLoads() {
        String session = sessionCookie(postLogin(rest.getForEntity("/login", String.class), "huang.lei"));
        ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                withCookie(session), String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        // one policy, Camunda's (with the nonce its inline bootstrap needs), not ours on top of it
        List<String> policies = tasklist.getHeaders().get("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY).contains("nonce-");
        assertThat(tasklist.getBody()).contains("nonce=");
    }

    private ResponseEntity<String> postLogin(ResponseEntity<String> page, String username) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, sessionCookie(page));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", "demo");
        form.add("_csrf", token.group(1));
        return rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
    }

    private static String setCookie(ResponseEntity<?> response, String prefix) {
        List<String> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return cookies.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + cookies));
    }

    private static String sessionCookie(ResponseEntity<?> response) {
        return setCookie(response, "JSESSIONID=").split(";", 2)[0];
    }

    private static HttpEntity<Void> withCookie(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return new HttpEntity<>(headers);
    }
}
