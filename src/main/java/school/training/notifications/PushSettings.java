package school.training.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code training.push} in application.yml: a WeCom (企业微信) or DingTalk group robot that also receives the
 * reminders and escalations, so they appear in the staff group. Off while {@code webhook-url} is empty.
 *
 * @param webhookUrl the robot's webhook address as the group's robot settings show it (empty: off)
 * @param kind {@code wecom} or {@code dingtalk}
 * @param secret a DingTalk robot's signing secret ("加签", starts with SEC), empty when it has none
 * @param connectTimeout how long to wait for the robot's server to accept the connection
 * @param readTimeout how long to wait for its answer
 * @param gather reminders arriving within this time go out as one message (robots allow 20 a minute)
 */
@ConfigurationProperties("training.push")
public record PushSettings(String webhookUrl, @DefaultValue("wecom") Kind kind, String secret,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("2s") Duration gather) {

    /** Which robot's message format and signing to use. */
    public enum Kind {
        WECOM, DINGTALK
    }

    public boolean enabled() {
        return StringUtils.hasText(webhookUrl);
    }

    boolean signed() {
        return kind == Kind.DINGTALK && StringUtils.hasText(secret);
    }
}
