package school.training.people;

import java.security.SecureRandom;

/**
 * Initial and reset passwords: random, shown to the office once, and good for one login only (the
 * person must choose their own then). Letters and digits that cannot be mistaken for each other when
 * read off a slip of paper (no 0/O, 1/l/I), in three groups of four joined by hyphens.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 3; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 4; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
