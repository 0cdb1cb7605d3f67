package school.training.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import school.training.tasklist.WebFixtures;

/**
 * Two app nodes — separate JVMs, as two servers behind one load balancer — started at the same moment on one new,
 * empty PostgreSQL database (profiles postgres and demo, uploads in the database). Each point of "beyond one
 * machine" over plain HTTP: a login made on one node is a login on the other, a file uploaded on one opens on the
 * other, timers due at once each fire once though both job executors look for them, and the simultaneous start
 * left one deployment of our processes. Runs only against a PostgreSQL server
 * ({@code -Dtraining.test.postgres=jdbc:postgresql://localhost:5432/}, the Maven profile postgres); each node's
 * output is in {@code target/cluster-node-*.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    private final List<Process> nodes = new ArrayList<>();
    private String databaseUrl;
    private String user;
    private String password;
    private int portA;
    private int portB;
    /** One browser: its cookies go to either node, as behind a load balancer on one address. */
    private HttpClient browser;

    @BeforeAll
    void startTwoNodesAtOnce() throws Exception {
        String server = System.getProperty("training.test.postgres");
        assumeTrue(server != null && !server.isBlank(), "two nodes need a PostgreSQL server: -Dtraining.test.postgres");
        user = System.getProperty("training.test.postgres.user", "training");
        password = System.getProperty("training.test.postgres.password", "training");
        String database = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        databaseUrl = server + database;
        portA = freePort();
        portB = freePort();
        nodes.add(start("a", portA));
        nodes.add(start("b", portB));
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        awaitReady("a", portA, deadline);
        awaitReady("b", portB, deadline);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stopBothNodes() throws InterruptedException {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(1)
    void bothStartedAtOnceAndLeftOneDeploymentOfOurProcesses() throws Exception {
        JsonNode deployments = engineRest(portA, "/deployment?name=training-approvals");
        assertThat(deployments).as("deployments named training-approvals").hasSize(1);
        JsonNode definitions = engineRest(portB, "/process-definition");
        assertThat(definitions).isNotEmpty();
        Set<String> keys = new HashSet<>();
        for (JsonNode definition : definitions) {
            assertThat(definition.get("version").asInt()).as(definition.get("key").asText()).isEqualTo(1);
            assertThat(keys.add(definition.get("key").asText())).isTrue();
        }
        assertThat(engineRest(portB, "/decision-definition")).allSatisfy(
                decision -> assertThat(decision.get("version").asInt()).as(decision.get("key").asText()).isEqualTo(1));
        // the demo school was seeded once, not by both nodes
        assertThat(count("select count(*) from act_id_user where id_ = 'li.na'")).isEqualTo(1);
        assertThat(count("select count(*) from act_ru_filter")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aLoginOnOneNodeIsALoginOnTheOther() throws Exception {
        logIn(portA, "li.na");

        HttpResponse<String> home = get(portB, "/");
        assertThat(home.statusCode()).as("node B, with the session node A made").isEqualTo(200);
        assertThat(home.body()).contains("李娜");
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(stranger.send(HttpRequest.newBuilder(url(portB, "/")).build(), BodyHandlers.discarding())
                .statusCode()).as("node B, no session").isEqualTo(302);
    }

    @Test
    @Order(3)
    void aFileUploadedOnOneNodeOpensOnTheOther() throws Exception {
        logIn(portA, "li.na");
        byte[] pdf = ("%PDF-1.4 invitation " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> started = postRequestWithFile(portA, pdf);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String request = started.headers().firstValue("Location").orElseThrow().replaceAll(".*(/requests/)", "$1");
        HttpResponse<String> page = get(portB, request);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("/attachments/([0-9a-f-]{36})").matcher(page.body());
        assertThat(link.find()).as("a link to the invitation on node B's page").isTrue();
        HttpResponse<byte[]> download = browser.send(HttpRequest.newBuilder(url(portB, link.group())).build(),
                BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(count("select count(*) from attachment_content where id = '" + link.group(1) + "'")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void timersDueAtOnceEachFireOnceThoughBothNodesLookForThem() throws Exception {
        // the demo's approved trips wait for their last day; make all of them due now, for both job executors
        List<String> timers = new ArrayList<>();
        for (JsonNode job : engineRest(portA, "/job?timers=true")) {
            timers.add(job.get("id").asText());
        }
        assertThat(timers).as("timers of the demo school").isNotEmpty();
        String now = OffsetDateTime.now().minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        for (String timer : timers) {
            assertThat(engineRestPut(portA, "/job/" + timer + "/duedate", "{\"duedate\":\"" + now + "\"}"))
                    .isEqualTo(204);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!allGone(timers) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(allGone(timers)).as("both job executors ran the due timers").isTrue();
        Thread.sleep(3000); // a second execution, if there were one, would have finished by now

        for (String timer : timers) {
            JsonNode log = engineRest(portB, "/history/job-log?jobId=" + timer + "&successLog=true");
            assertThat(log).as("successful runs of timer job " + timer).hasSize(1);
        }
        // each timer's catch event happened once in its instance
        assertThat(count("select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst where act_type_ "
                + "like '%Timer%' group by proc_inst_id_, act_id_ having count(*) > 1) twice")).isZero();
    }

    // ---- nodes ---------------------------------------------------------------------------------------------------

    private Process start(String name, int port) throws IOException {
        Path dataDir = Files.createTempDirectory("cluster-node-" + name);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", appClassPath(),
                "school.training.TrainingApprovalsApplication",
                "--server.port=" + port,
                "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--training.data-dir=" + dataDir,
                "--training.uploads.store=database",
                // the job executor looks for due jobs every second at most (default: up to a minute when idle)
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spring.main.banner-mode=off");
        File log = Path.of("target", "cluster-node-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /**
     * The app's classpath without the tests' classes (their {@code @Component}s would be scanned in). Surefire
     * may hand the tests a one-jar classpath whose manifest names the rest.
     */
    private static String appClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String url : classPath.trim().split(" +")) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                        continue;
                    }
                }
            }
            entries.add(entry);
        }
        entries.removeIf(entry -> entry.replace('\\', '/').replaceAll("/$", "").endsWith("/test-classes"));
        return String.join(File.pathSeparator, entries);
    }

    private void awaitReady(String name, int port, long deadline) throws Exception {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Process node = nodes.get(name.equals("a") ? 0 : 1);
        while (System.nanoTime() < deadline) {
            assertThat(node.isAlive()).as("node " + name + " is running (see target/cluster-node-" + name + ".log)")
                    .isTrue();
            try {
                // ready only after the ApplicationRunners (deployment, demo school) are done
                if (probe.send(HttpRequest.newBuilder(url(port, "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("node " + name + " not ready within " + START_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(port, path)).build(), BodyHandlers.ofString());
    }

    private void logIn(int port, String userId) throws Exception {
        String token = csrf(get(port, "/login").body());
        String form = "username=" + userId + "&password=demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login").isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** The outside-study request form with an invitation, as a browser posts it. */
    private HttpResponse<String> postRequestWithFile(int port, byte[] pdf) throws Exception {
        String boundary = "----two-nodes-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("_csrf", csrf(get(port, WebFixtures.START_URL).body()));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"invitation\"; filename=\"邀请函.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return browser.send(HttpRequest.newBuilder(url(port, WebFixtures.START_URL))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray())).build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder asAdmin(int port, String path) {
        return HttpRequest.newBuilder(url(port, "/engine-rest" + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode engineRest(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(asAdmin(port, path).build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int engineRestPut(int port, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(asAdmin(port, path).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json)).build(), BodyHandlers.discarding()).statusCode();
    }

    private boolean allGone(List<String> jobs) throws Exception {
        for (String job : jobs) {
            if (count("select count(*) from act_ru_job where id_ = '" + job + "'") > 0) {
                return false;
            }
        }
        return true;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
