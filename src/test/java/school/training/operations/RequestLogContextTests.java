package school.training.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Every line written while serving a request says which request and whose. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@ExtendWith(OutputCaptureExtension.class)
class RequestLogContextTests {

    @Autowired
    TestRestTemplate rest;

    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    /** The filter's own line ("GET /path -> 200") is DEBUG: on for these tests only. */
    @BeforeEach
    void logRequests() {
        logging.setLogLevel(RequestLogContext.class.getName(), LogLevel.DEBUG);
    }

    @AfterEach
    void quiet() {
        logging.setLogLevel(RequestLogContext.class.getName(), null);
    }

    @Test
    void aLineWrittenForLiNasRequestCarriesHerNameAndTheIdSheSent(CapturedOutput output) {
        ResponseEntity<String> answer = get("li.na", "/engine-rest/task", "li-na-call-42");

        assertThat(answer.getHeaders().getFirst(RequestLogContext.HEADER)).isEqualTo("li-na-call-42");
        // the filter writes its line after the answer has gone out: wait for it rather than race it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[li-na-call-42\\] \\[li\\.na\\].*GET /engine-rest/task -> 200"));
    }

    @Test
    void anIdThatIsNoPlainShortTokenIsReplaced(CapturedOutput output) {
        String forged = "x".repeat(65);
        ResponseEntity<String> answer = get("zhao.min", "/engine-rest/task", forged);

        String id = answer.getHeaders().getFirst(RequestLogContext.HEADER);
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(output.getOut()).contains("[" + id + "] [zhao.min]").doesNotContain(forged);
        assertThat(RequestLogContext.idOf("two words")).isNotEqualTo("two words");
        assertThat(RequestLogContext.idOf(null)).matches("[0-9a-f]{12}");
    }

    @Test
    void theLinesOfARefusedLoginCarryTheIdToo(CapturedOutput output) {
        // cai.min is used by no other test: a failure counts towards the login throttle
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("cai.min", "wrong");
        headers.set(RequestLogContext.HEADER, "wrong-password-7");

        ResponseEntity<String> answer = rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(answer.getHeaders().getFirst(RequestLogContext.HEADER)).isEqualTo("wrong-password-7");
        // the engine's own line about the failed password check, written inside Spring Security
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[wrong-password-7\\] \\[-\\].*'cai\\.min'")
                .containsPattern("\\[wrong-password-7\\] \\[-\\].*GET /engine-rest/task -> 401"));
    }

    @Test
    void withoutASignedInPersonTheUserIsADash(CapturedOutput output) {
        ResponseEntity<String> answer = get(null, "/login", null);

        String id = answer.getHeaders().getFirst(RequestLogContext.HEADER);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .contains("[" + id + "] [-]").contains("GET /login -> 200"));
    }

    private ResponseEntity<String> get(String user, String path, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        if (requestId != null) {
            headers.set(RequestLogContext.HEADER, requestId);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
