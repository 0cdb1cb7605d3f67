package school.training.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import school.training.ledger.Compliance;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * Reminders and escalations also reach the staff group through a WeCom or DingTalk group robot; a local HTTP
 * server stands in for the robot. The push is pointed at it for each test and switched off afterwards, so
 * the rest of the shared context never pushes.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class GroupPushTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    GroupPush push;
    @Autowired
    Notifications notifications;
    @Autowired
    Compliance compliance;
    @Autowired
    Directory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;

    HttpServer robot;
    ExecutorService robotThreads;
    BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    volatile int answerStatus = 200;
    volatile String answerBody = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    volatile long answerDelayMillis;
    PushSettings off;

    record Received(String method, String path, Map<String, String> query, String contentType, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String content() throws IOException {
            return json().path("text").path("content").asText();
        }
    }

    @BeforeEach
    void startTheRobot() throws IOException {
        off = push.settings();
        assertThat(off.enabled()).as("off by default").isFalse();
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robotThreads = Executors.newCachedThreadPool();
        robot.setExecutor(robotThreads);
        robot.createContext("/", this::answer);
        robot.start();
    }

    @AfterEach
    void stopTheRobot() {
        push.use(off);
        robot.stop(0);
        robotThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        try {
            Thread.sleep(answerDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answerStatus, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + robot.getAddress().getPort() + pathAndQuery;
    }

    private void pushTo(String url, PushSettings.Kind kind, String secret, Duration readTimeout) {
        push.use(new PushSettings(url, kind, secret, Duration.ofSeconds(3), readTimeout, Duration.ofMillis(200)));
    }

    /** A teaching group of one teacher with no hours: behind on every rule. */
    private String teacherBehind(String name) {
        String group = "gp" + System.nanoTime();
        directory.createTeachingGroup(group, "推送测试组" + group, "Push " + group, 99);
        directory.register(group + ".t", name, Role.TEACHER, group, "语文", "demo");
        return group;
    }

    private int remind(String group) {
        return compliance.remindThoseBehind(compliance.rule("educationTechnologyYear").orElseThrow(), group, "zhao.min");
    }

    private Received next() throws InterruptedException {
        Received one = received.poll(10, TimeUnit.SECONDS);
        assertThat(one).as("a POST to the robot").isNotNull();
        return one;
    }

    private void nothingMoreWithin(Duration time) throws InterruptedException {
        assertThat(received.poll(time.toMillis(), TimeUnit.MILLISECONDS)).as("nothing more for the robot").isNull();
    }

    @Test
    void aReminderReachesAWeComGroupOnceAsTextNamingThePersonAndWhatIsDue() throws Exception {
        pushTo(url("/cgi-bin/webhook/send?key=test-key"), PushSettings.Kind.WECOM, null, Duration.ofSeconds(5));
        String group = teacherBehind("推送甲");

        assertThat(remind(group)).isEqualTo(1);

        Received post = next();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(post.query()).containsExactly(Map.entry("key", "test-key"));
        assertThat(post.contentType()).startsWith("application/json");
        JsonNode json = post.json();
        assertThat(json.get("msgtype").asText()).isEqualTo("text");
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("msgtype", "text");
        assertThat(post.content()).matches(GroupPush.HEADER.replace("【", "\\【").replace("】", "\\】")
                + "\n推送甲：今年教育技术应用能力培训未达标（每年 60 学时），还差 60(\\.0+)? 学时。");
        nothingMoreWithin(Duration.ofMillis(800));
        // the reminder itself is there as always
        assertThat(notifications.latest(group + ".t", 5)).extracting(Notification::getMessageKey)
                .containsExactly("ledger.notify.behind.educationTechnologyYear");
    }

    @Test
    void aSignedDingTalkRobotGetsTheTimestampAndTheSignatureOfItsSecret() throws Exception {
        String secret = "SEC0123456789abcdef0123456789abcdef";
        pushTo(url("/robot/send?access_token=test-token"), PushSettings.Kind.DINGTALK, secret, Duration.ofSeconds(5));
        long before = System.currentTimeMillis();

        notifications.notify("li.na", "notify.checkInDue", "/requests/push-test", "上海职业教育年会");

        Received post = next();
        assertThat(post.path()).isEqualTo("/robot/send");
        assertThat(post.query()).containsOnlyKeys("access_token", "timestamp", "sign")
                .containsEntry("access_token", "test-token");
        long timestamp = Long.parseLong(post.query().get("timestamp"));
        assertThat(timestamp).isBetween(before, System.currentTimeMillis());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(post.query().get("sign")).isEqualTo(expected);
        assertThat(post.json().get("msgtype").asText()).isEqualTo("text");
        assertThat(post.content()).isEqualTo(GroupPush.HEADER + "\n李娜：今天请回校报到：上海职业教育年会");
    }

    @Test
    void anUnsignedDingTalkRobotGetsTheAddressAsItIs() throws Exception {
        pushTo(url("/robot/send?access_token=plain"), PushSettings.Kind.DINGTALK, "", Duration.ofSeconds(5));

        notifications.notify("li.na", "notify.reportDue", "/requests/push-test", "上海职业教育年会", "2030-03-20");

        Received post = next();
        assertThat(post.query()).containsExactly(Map.entry("access_token", "plain"));
        assertThat(post.content()).contains("李娜：", "学习汇报将于 2030-03-20 截止：上海职业教育年会");
    }

    @Test
    void withoutAWebhookUrlNothingIsSentAndTheReminderIsStored() throws Exception {
        pushTo("", PushSettings.Kind.WECOM, null, Duration.ofSeconds(5));
        String group = teacherBehind("推送乙");

        assertThat(remind(group)).isEqualTo(1);

        nothingMoreWithin(Duration.ofSeconds(1));
        assertThat(notifications.latest(group + ".t", 5)).hasSize(1);
    }

    @Test
    void aRobotAnswering500OrTooSlowlyIsCountedAndTheRemindersStillHappen() throws Exception {
        double failedBefore = failed();
        pushTo(url("/cgi-bin/webhook/send?key=down"), PushSettings.Kind.WECOM, null, Duration.ofMillis(400));
        answerStatus = 500;
        answerBody = "down";
        String first = teacherBehind("推送丙");

        assertThat(remind(first)).isEqualTo(1);
        assertThat(next().content()).contains("推送丙：");
        awaitFailures(failedBefore + 1);

        answerStatus = 200;
        answerBody = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        answerDelayMillis = 2000; // longer than the read timeout
        String second = teacherBehind("推送丁");
        assertThat(remind(second)).isEqualTo(1);
        assertThat(next().content()).contains("推送丁：");
        awaitFailures(failedBefore + 2);

        assertThat(notifications.latest(first + ".t", 5)).hasSize(1);
        assertThat(notifications.latest(second + ".t", 5)).hasSize(1);
    }

    @Test
    void aRobotRefusingWithAnErrorCodeIsCountedAsAFailure() throws Exception {
        double failedBefore = failed();
        pushTo(url("/cgi-bin/webhook/send?key=wrong"), PushSettings.Kind.WECOM, null, Duration.ofSeconds(5));
        answerBody = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";

        notifications.notify("li.na", "notify.checkInDue", "/requests/push-test", "上海职业教育年会");

        next();
        awaitFailures(failedBefore + 1);
    }

    @Test
    void decisionsAndRolledBackRemindersAreNotPushed() throws Exception {
        pushTo(url("/cgi-bin/webhook/send?key=decisions"), PushSettings.Kind.WECOM, null, Duration.ofSeconds(5));
        String title = "推送决定 " + System.nanoTime();

        // a leader's decision tells the applicant (hearing back), and the group hears nothing of it
        String request = requested("li.na", title);
        Task review = taskService.createTaskQuery().processInstanceId(request).taskDefinitionKey("leaderReview")
                .singleResult();
        identityService.setAuthenticatedUserId("chen.jing");
        try {
            taskService.complete(review.getId(), Map.of("leaderDecision", "approve"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(notifications.latest("li.na", 10)).extracting(Notification::getMessageKey)
                .contains("hearback.approved");
        // a reminder whose transaction rolls back is not pushed either
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notifications.notify("li.na", "notify.checkInDue", "/requests/rolled-back", "撤销的研学");
            status.setRollbackOnly();
        });
        nothingMoreWithin(Duration.ofSeconds(1));

        // while a reminder after them is: the push was on all along
        notifications.notify("li.na", "notify.checkInDue", "/requests/" + request, title);
        Received post = next();
        assertThat(post.content()).isEqualTo(GroupPush.HEADER + "\n李娜：今天请回校报到：" + title);
        nothingMoreWithin(Duration.ofMillis(500));
    }

    @Test
    void manyRemindersAtOnceAreGatheredIntoFewMessagesWithinTheRobotsLimit() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add("教师" + i + "：今年教育技术应用能力培训未达标（每年 60 学时），还差 60 学时。");
        }
        List<String> messages = GroupPush.messages(lines);
        assertThat(messages).hasSize(GroupPush.MAX_MESSAGES)
                .allSatisfy(m -> assertThat(m.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(GroupPush.MAX_BYTES))
                .allSatisfy(m -> assertThat(m).startsWith(GroupPush.HEADER + "\n"));
        long shown = messages.stream().flatMap(m -> m.lines()).filter(l -> l.startsWith("教师")).count();
        String last = messages.get(messages.size() - 1);
        assertThat(last).endsWith("……另有 " + (400 - shown) + " 条提醒，请登录研修审批查看。");
        assertThat(GroupPush.messages(List.of("李娜：今天请回校报到：年会"))).containsExactly(GroupPush.HEADER
                + "\n李娜：今天请回校报到：年会");
        assertThat(GroupPush.messages(List.of())).isEmpty();
    }

    private double failed() {
        return meters.counter("training.push.messages", "outcome", "failed").count();
    }

    private void awaitFailures(double expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (failed() < expected && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(failed()).isEqualTo(expected);
    }

    private String requested(String applicant, String title) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
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
        variables.put("applicant", applicant);
        return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
    }
}
