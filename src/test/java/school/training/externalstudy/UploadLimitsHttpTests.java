package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import school.training.attachments.Attachments;
import school.training.tasklist.WebFixtures;

/**
 * The request form posted over real HTTP to the real Tomcat, whose limits MockMvc does not have: an
 * over-long text comes back beside its field with the rest kept, a long file name is shortened, and
 * what Tomcat cannot read at all answers with our error page saying nothing was saved — never a
 * blank 413 or a 500. Same context as the browser tests (random port, test + demo profiles).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class UploadLimitsHttpTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final byte[] PDF = "%PDF-1.4 invitation".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Attachments attachments;

    private HttpClient http;

    @BeforeEach
    void signIn() throws Exception {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = csrf(get("/login").body());
        String form = "username=li.na&password=demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login").isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void aFiveMegabyteTextComesBackBesideItsFieldWithEverythingElseKept() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("purpose", "长".repeat(5 * 1024 * 1024 / 3));
        fields.put("title", "省级数学年会（保留我）");
        long before = startedByLiNa();

        HttpResponse<String> response = post(multipart(fields, List.of(file("invitation", "通知.pdf", PDF))));

        assertThat(response.statusCode()).isEqualTo(422);
        String page = response.body();
        assertThat(ExternalStudyFormTests.errorBeside(page, "purpose")).isEqualTo("最多 2000 个字");
        assertThat(page).contains("value=\"省级数学年会（保留我）\"", "value=\"市教育局教研室\"", "value=\"120.5\"", "王老师代课")
                .doesNotContain("id=\"err-title\"");
        assertThat(startedByLiNa()).isEqualTo(before);
    }

    @Test
    void aThousandCharacterFileNameIsKeptShortenedWithItsExtension() throws Exception {
        HttpResponse<String> response = post(multipart(WebFixtures.validFields(),
                List.of(file("invitation", "通".repeat(996) + ".pdf", PDF))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String id = response.headers().firstValue("Location").orElseThrow().replaceAll(".*/requests/", "");
        String attachmentId = (String) runtimeService.getVariable(id, "invitation");
        String name = attachments.find(attachmentId).orElseThrow().getFileName();
        assertThat(name).hasSizeLessThanOrEqualTo(200).startsWith("通通通").endsWith("….pdf");
    }

    @Test
    void aNulInAFileNameAnswersOurErrorPageNotA500() throws Exception {
        long before = startedByLiNa();

        HttpResponse<String> response = post(multipart(WebFixtures.validFields(),
                List.of(file("invitation", "通知\u0000.pdf", PDF))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"upload-problem\"", "提交的内容无法读取", "没有保存任何内容");
        assertThat(startedByLiNa()).isEqualTo(before);
    }

    @Test
    void anUploadOverTheHardLimitAnswersOurErrorPageNotABlank413() throws Exception {
        long before = startedByLiNa();
        long twoHundredMegabytes = 200L * 1024 * 1024;
        byte[][] around = multipartAround(WebFixtures.validFields(), "invitation", "scan.pdf");
        // streamed, never 200 MB in memory
        BodyPublisher body = BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                List.of(new ByteArrayInputStream(around[0]), zeros(twoHundredMegabytes), new ByteArrayInputStream(around[1])))));

        HttpResponse<String> response = post(new Body(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("id=\"upload-problem\"", "提交的内容过大", "没有保存任何内容");
        assertThat(startedByLiNa()).isEqualTo(before);
    }

    @Test
    void tooManyPartsAnswersOurErrorPageNotA403() throws Exception {
        List<Part> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            files.add(file("invitation", "page" + i + ".pdf", PDF));
        }

        HttpResponse<String> response = post(multipart(WebFixtures.validFields(), files));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("提交的内容过大");
    }

    // ---- HTTP --------------------------------------------------------------------------------

    private record Part(String name, String filename, byte[] content) {
    }

    private record Body(BodyPublisher publisher) {
    }

    private static final String BOUNDARY = "----upload-limits-" + UUID.randomUUID();

    private static Part file(String name, String filename, byte[] content) {
        return new Part(name, filename, content);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** Posts to the start form with a fresh CSRF token (as the page gives it) in front of the body. */
    private HttpResponse<String> post(Body body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(WebFixtures.START_URL))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                // as a browser asks, so errors come as our page (without it Spring Boot answers JSON)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .timeout(Duration.ofMinutes(3))
                .POST(body.publisher()).build(), BodyHandlers.ofString());
    }

    /** A multipart body as a browser sends it: the CSRF token, the fields, then the files (raw UTF-8 names). */
    private Body multipart(Map<String, String> fields, List<Part> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeField(out, "_csrf", csrf(get(WebFixtures.START_URL).body()));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            writeField(out, field.getKey(), field.getValue());
        }
        for (Part file : files) {
            writeFileHeader(out, file.name(), file.filename());
            out.write(file.content());
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Body(BodyPublishers.ofByteArray(out.toByteArray()));
    }

    /** What goes before and after the content of one big file, for streaming it. */
    private byte[][] multipartAround(Map<String, String> fields, String name, String filename) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        writeField(head, "_csrf", csrf(get(WebFixtures.START_URL).body()));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            writeField(head, field.getKey(), field.getValue());
        }
        writeFileHeader(head, name, filename);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return new byte[][] { head.toByteArray(), tail };
    }

    private static void writeField(ByteArrayOutputStream out, String name, String value) throws Exception {
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeFileHeader(ByteArrayOutputStream out, String name, String filename) throws Exception {
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? '0' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) '0');
                left -= n;
                return n;
            }
        };
    }

    private long startedByLiNa() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                .startedBy("li.na").count();
    }
}
