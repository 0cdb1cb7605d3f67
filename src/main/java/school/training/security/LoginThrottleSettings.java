package school.training.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are slowed down ({@code training.security.login-throttle} in application.yml).
 *
 * @param clientMaxFailures failures from one client (remote address) within {@code window} before it is
 *        refused for a while
 * @param clientBlock how long a client is refused at first; doubles with each further failure
 * @param clientMaxBlock the longest a client is ever refused
 * @param accountFreeFailures failures on one account before each further one delays that account
 * @param accountDelay the first delay of an account; doubles with each further failure
 * @param accountMaxDelay the longest delay of an account: never a permanent lock
 * @param window failures older than this are forgotten
 * @param maxEntries accounts and clients remembered at most (each), so a flood of names cannot fill memory
 */
@ConfigurationProperties("training.security.login-throttle")
public record LoginThrottleSettings(@DefaultValue("5") int clientMaxFailures, @DefaultValue("1m") Duration clientBlock,
        @DefaultValue("15m") Duration clientMaxBlock, @DefaultValue("3") int accountFreeFailures,
        @DefaultValue("2s") Duration accountDelay, @DefaultValue("30s") Duration accountMaxDelay,
        @DefaultValue("15m") Duration window, @DefaultValue("10000") int maxEntries) {

    public LoginThrottleSettings {
        if (clientMaxFailures < 1 || accountFreeFailures < 0 || maxEntries < 1) {
            throw new IllegalArgumentException("training.security.login-throttle: counts must be positive");
        }
        for (Duration duration : new Duration[] { clientBlock, clientMaxBlock, accountDelay, accountMaxDelay, window }) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("training.security.login-throttle: durations must be positive");
            }
        }
    }
}
