package school.training.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password: too many recent failures. Says how long to wait. */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins; try again in " + seconds(wait) + " s");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least one. */
    long seconds() {
        return seconds(wait);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
