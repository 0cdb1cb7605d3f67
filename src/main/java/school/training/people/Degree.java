package school.training.people;

/**
 * Highest degree a teacher holds, lowest first; the values are those of the degree-upgrade forms.
 * Seed target (003 §三3): at least 98% of full-time teachers with a bachelor's degree or higher.
 */
public enum Degree {
    SECONDARY("secondary", "中专/高中"), COLLEGE("college", "专科"), BACHELOR("bachelor", "本科"),
    MASTER("master", "硕士"), DOCTOR("doctor", "博士");

    private final String value;
    private final String label;

    Degree(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The value used in forms and process variables, e.g. "bachelor". */
    public String value() {
        return value;
    }

    /** The Chinese name, for texts rendered inside the process (Camunda's Tasklist shows them). */
    public String label() {
        return label;
    }

    public boolean atLeastBachelor() {
        return compareTo(BACHELOR) >= 0;
    }

    public static Degree of(Object value) {
        for (Degree degree : values()) {
            if (degree.value.equals(value)) {
                return degree;
            }
        }
        return null;
    }
}
