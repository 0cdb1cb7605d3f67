package school.training.archive;

/** Something a teacher may not do to an archive entry; the page shows the message {@code code}. */
class Refused extends RuntimeException {

    private final String code;

    Refused(String code) {
        super(code);
        this.code = code;
    }

    String code() {
        return code;
    }
}
