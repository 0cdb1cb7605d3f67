package school.training.backups;

/** A backup or a restore that cannot go ahead, with a message saying why and what to do. */
public class Refused extends RuntimeException {

    Refused(String message) {
        super(message);
    }

    Refused(String message, Throwable cause) {
        super(message, cause);
    }
}
