package school.training.degree;

/** The names of process {@code degreeUpgrade} that other code relies on (DOMAIN.md contract). */
public final class DegreeProcess {
    public static final String KEY = "degreeUpgrade";
    public static final String LEADER_OPINION = "leaderOpinion";
    public static final String PRINCIPAL_APPROVAL = "principalApproval";
    public static final String OFFICE_REGISTRATION = "officeRegistration";
    public static final String REVISE_APPLICATION = "reviseApplication";
    public static final String SUBMIT_COMPLETION = "submitCompletion";
    public static final String VERIFY_CERTIFICATE = "verifyCertificate";
    public static final String WITHDRAWN_MESSAGE = "degreeUpgradeWithdrawn";
    public static final String APPLICATION_FORM = "degreeUpgrade-application";
    public static final String SECOND_DEGREE = "secondDegree";

    private DegreeProcess() {
    }
}
