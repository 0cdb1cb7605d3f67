package school.training.reporting;

/** The names of process {@code postStudyReport} that other code relies on (DOMAIN.md contract). */
public final class ReportingProcess {
    public static final String KEY = "postStudyReport";
    public static final String RETURN_CHECK_IN = "returnCheckIn";
    public static final String SUBMIT_REPORT = "submitReport";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String SCHEDULE_SHARING = "scheduleSharing";
    public static final String RECORD_SHARING = "recordSharing";
    public static final String SETTLE_REIMBURSEMENT = "settleReimbursement";
    public static final String SOURCE = KEY;

    private ReportingProcess() {
    }
}
