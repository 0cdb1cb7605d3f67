package school.training.recognition;

/** The names of process {@code creditRecognition} that other code relies on (DOMAIN.md contract). */
public final class CreditRecognitionProcess {
    public static final String KEY = "creditRecognition";
    public static final String LEADER_CHECK = "leaderCheck";
    public static final String PRINCIPAL_CHECK = "principalCheck";
    public static final String OFFICE_RECOGNITION = "officeRecognition";
    public static final String REVISE_CLAIM = "reviseClaim";
    public static final String CREDIT_HOURS = "creditHours";
    public static final String CLAIM_FORM = KEY + "-claim";
    public static final String CAP_DECISION = "creditRecognitionCap";
    /** The ledger's source of recognised hours: the process key, with the instance id as source id. */
    public static final String SOURCE = KEY;

    private CreditRecognitionProcess() {
    }
}
