package school.training.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be, for the first administrator and for everyone changing their own: at least
 * {@value #MIN_LENGTH} characters (at most {@value #MAX_LENGTH}), not containing the user id, from at
 * least two kinds of characters (letters, digits, anything else such as punctuation or Chinese), and typed
 * the same twice. No list of common passwords: the login throttle makes guessing slow.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The message keys of the rules this password breaks; empty when it is fine. */
    static List<String> problems(String userId, String password, String repeated) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password.rule.required");
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("password.rule.tooShort");
        } else if (password.length() > MAX_LENGTH) {
            problems.add("password.rule.tooLong");
        }
        if (userId != null && !userId.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(userId.trim().toLowerCase(Locale.ROOT))) {
            problems.add("password.rule.containsUserId");
        }
        if (kinds(password) < 2) {
            problems.add("password.rule.oneKind");
        }
        if (!password.equals(repeated)) {
            problems.add("password.rule.mismatch");
        }
        return problems;
    }

    private static int kinds(String password) {
        boolean letter = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else {
                other = true;
            }
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
