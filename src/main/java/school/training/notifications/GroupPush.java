package school.training.notifications;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group push (群机器人): when {@code training.push.webhook-url} is set, the reminders and escalations the app
 * sends (not decisions or other notices) also go to a WeCom or DingTalk staff group, in Chinese, naming the
 * person and what is due. A line is rendered in the notifying transaction and queued only after it commits;
 * a single background thread gathers what arrives within {@code gather} into one message (robots accept 20 a
 * minute) and posts it with short timeouts. A robot that is down, slow or refuses is logged and counted
 * ({@code training.push.messages{outcome=failed}}) and never fails the reminder, which is stored (and mailed)
 * as always.
 */
@Component
class GroupPush {

    private static final Logger log = LoggerFactory.getLogger(GroupPush.class);

    static final String HEADER = "【研修审批】提醒";
    /** WeCom takes at most 2048 bytes of text; DingTalk more. */
    static final int MAX_BYTES = 2000;
    /** Messages per gathering at most; the rest is summed up in the last one. */
    static final int MAX_MESSAGES = 5;

    /**
     * The notifications that are reminders or escalations, by message key (a key ending in "." covers all
     * keys it starts): what is due, addressed to the person who must act. The office's and the leader's
     * copies of an escalation are left out: the staff group sees the teacher's line already.
     */
    static final List<String> PUSHED = List.of("notify.checkInDue", "notify.reportDue", "notify.checkInOverdue.teacher",
            "notify.reportOverdue.teacher", "notify.degreeCompletionDue.teacher", "notify.termReviewSelfAssessmentDue",
            "notify.termReviewScoringDue", "lessonplans.notify.reminder", "ledger.notify.behind.", "hearback.urged");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationEventPublisher events;
    private final Counter sent;
    private final Counter failed;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "group-push");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> pending = new ArrayList<>();
    private boolean flushScheduled;
    private volatile Robot robot;

    GroupPush(PushSettings settings, ApplicationEventPublisher events, MeterRegistry meters) {
        this.events = events;
        this.sent = meters.counter("training.push.messages", "outcome", "sent");
        this.failed = meters.counter("training.push.messages", "outcome", "failed");
        use(settings);
    }

    /** Points the push at another robot (or none); for tests, and for a settings page should one come. */
    void use(PushSettings settings) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.robot = new Robot(settings, client);
    }

    PushSettings settings() {
        return robot.settings();
    }

    static boolean pushes(String messageKey) {
        return messageKey != null && PUSHED.stream()
                .anyMatch(key -> key.endsWith(".") ? messageKey.startsWith(key) : key.equals(messageKey));
    }

    /** Whether a notification with this key goes to the group too (a robot is set and it is a reminder). */
    boolean wants(String messageKey) {
        return robot.settings().enabled() && pushes(messageKey);
    }

    /**
     * Called in the notifying transaction with the person it is addressed to and the text in Chinese: queues
     * "name：text" once that transaction commits (nothing when it rolls back).
     */
    void offer(String recipientName, String text) {
        events.publishEvent(new PushRequested(oneLine(recipientName) + "：" + oneLine(text)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(PushRequested push) {
        synchronized (pending) {
            pending.add(push.line());
            if (!flushScheduled) {
                flushScheduled = true;
                sender.schedule(this::flush, robot.settings().gather().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        List<String> lines;
        synchronized (pending) {
            lines = new ArrayList<>(pending);
            pending.clear();
            flushScheduled = false;
        }
        Robot target = robot;
        if (!target.settings().enabled()) {
            return;
        }
        for (String content : messages(lines)) {
            send(target, content);
        }
    }

    /** The lines as messages of at most {@link #MAX_BYTES}, at most {@link #MAX_MESSAGES}, each with the header. */
    static List<String> messages(List<String> lines) {
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder(HEADER);
        for (int i = 0; i < lines.size(); i++) {
            String line = cut(lines.get(i), MAX_BYTES - bytes(HEADER) - 1);
            if (bytes(message + "\n" + line) > MAX_BYTES) {
                if (messages.size() == MAX_MESSAGES - 1) {
                    // the last message says how many more there are instead of sending them
                    int left = lines.size() - i;
                    while (bytes(message + "\n" + more(left)) > MAX_BYTES && message.lastIndexOf("\n") > 0) {
                        message.setLength(message.lastIndexOf("\n"));
                        left++;
                    }
                    messages.add(message.append('\n').append(more(left)).toString());
                    return messages;
                }
                messages.add(message.toString());
                message = new StringBuilder(HEADER);
            }
            message.append('\n').append(line);
        }
        if (!lines.isEmpty()) {
            messages.add(message.toString());
        }
        return messages;
    }

    private static String more(int left) {
        return "……另有 " + left + " 条提醒，请登录研修审批查看。";
    }

    private void send(Robot target, String content) {
        PushSettings settings = target.settings();
        try {
            String body = JSON.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(address(settings, System.currentTimeMillis())))
                    .timeout(settings.readTimeout()).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = target.client().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String refusal = refusal(response);
            if (refusal == null) {
                sent.increment();
            } else {
                failed.increment();
                log.warn("Group push to the {} robot refused: {}", kindName(settings), refusal);
            }
        } catch (InterruptedException e) {
            failed.increment();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed.increment();
            log.warn("Group push to the {} robot failed: {}", kindName(settings), e.toString());
        }
    }

    /** Null when the robot took the message: HTTP 200 and {@code errcode} 0 (both robots answer so). */
    private static String refusal(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode code = answer == null ? null : answer.get("errcode");
            return code == null || code.asInt() == 0 ? null : "errcode " + code.asText() + " " + answer.path("errmsg").asText();
        } catch (Exception e) {
            return null; // a 200 without a JSON answer: taken as delivered
        }
    }

    /**
     * The webhook address; a signed DingTalk robot gets {@code &timestamp=…&sign=…}: Base64 of the HMAC-SHA256
     * of {@code timestamp + "\n" + secret} keyed with the secret, URL-encoded (DingTalk's custom robot docs).
     */
    static String address(PushSettings settings, long timestampMillis) {
        String url = settings.webhookUrl().strip();
        if (!settings.signed()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign(timestampMillis, settings.secret().strip()), StandardCharsets.UTF_8);
    }

    static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kindName(PushSettings settings) {
        return settings.kind() == null ? "?" : settings.kind().name().toLowerCase();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String cut(String line, int maxBytes) {
        if (bytes(line) <= maxBytes) {
            return line;
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < line.length(); i = line.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(line.codePointAt(i)));
            if (bytes(cut + next + "…") > maxBytes) {
                break;
            }
            cut.append(next);
        }
        return cut.append('…').toString();
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    private record Robot(PushSettings settings, HttpClient client) {
    }
}
