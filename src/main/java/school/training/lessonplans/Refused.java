package school.training.lessonplans;

/** Something a person may not do now; the page shows the message beside {@code field} (or on top when null). */
class Refused extends RuntimeException {

    private final String field;
    private final String code;

    Refused(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
