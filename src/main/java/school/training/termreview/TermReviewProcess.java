package school.training.termreview;

/** The names of process {@code termReview} that other code relies on (DOMAIN.md contract). */
public final class TermReviewProcess {
    public static final String KEY = "termReview";
    public static final String SELF_ASSESSMENT = "selfAssessment";
    public static final String LEADER_SCORING = "leaderScoring";
    public static final String PRINCIPAL_CONFIRMATION = "principalConfirmation";
    public static final String APPEAL = "appeal";
    public static final String PRINCIPAL_RE_REVIEW = "principalReReview";
    public static final String GRADE_DECISION = "termReviewGrade";

    private TermReviewProcess() {
    }
}
