package school.training.externalstudy;

/** The names of process {@code externalStudy} that other code relies on (DOMAIN.md, "Names that are a contract"). */
public final class ExternalStudyProcess {
    public static final String KEY = "externalStudy";
    public static final String LEADER_REVIEW = "leaderReview";
    public static final String PRINCIPAL_APPROVAL = "principalApproval";
    public static final String OFFICE_REGISTRATION = "officeRegistration";
    public static final String REVISE_REQUEST = "reviseRequest";
    public static final String WITHDRAWN_MESSAGE = "externalStudyWithdrawn";

    public static final String END_REJECTED = "requestRejected";
    public static final String END_WITHDRAWN = "requestWithdrawn";
    public static final String END_TRIP_ENDED = "tripEnded";

    public static final String START_FORM = "externalStudy-request";

    private ExternalStudyProcess() {
    }
}
