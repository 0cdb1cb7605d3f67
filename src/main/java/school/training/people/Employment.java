package school.training.people;

/**
 * Full-time (专任) or part-time (兼职/外聘) teaching staff. The degree target of seed 003 §三3 (98% with a
 * bachelor's degree or higher) counts full-time teachers only.
 */
public enum Employment {
    FULL_TIME("full-time"), PART_TIME("part-time");

    private final String value;

    Employment(String value) {
        this.value = value;
    }

    /** The value in forms and roster files. */
    public String value() {
        return value;
    }

    public static Employment of(String value) {
        for (Employment employment : values()) {
            if (employment.value.equals(value) || employment.name().equals(value)) {
                return employment;
            }
        }
        return null;
    }
}
