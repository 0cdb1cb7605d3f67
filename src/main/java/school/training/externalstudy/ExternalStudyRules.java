package school.training.externalstudy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.tasklist.SubmissionRules;

/**
 * What the outside-study forms cannot say in their schema: the trip ends on or after its start, does
 * not start in the past and lasts at most {@code training.external-study.max-trip-days}, an approver who sends a request back or refuses it says why, and an
 * approval number is given only once.
 */
@Component
class ExternalStudyRules implements SubmissionRules {

    private static final Set<String> FORMS = Set.of(ExternalStudyProcess.START_FORM, "externalStudy-leaderReview",
            "externalStudy-principalApproval", "externalStudy-officeRegistration");

    private final Clock clock;
    private final ApprovalNumbers approvalNumbers;
    private final int maxTripDays;

    ExternalStudyRules(Clock clock, ApprovalNumbers approvalNumbers,
            @Value("${training.external-study.max-trip-days:366}") int maxTripDays) {
        this.clock = clock;
        this.approvalNumbers = approvalNumbers;
        this.maxTripDays = maxTripDays;
    }

    @Override
    public boolean appliesTo(String formId) {
        return FORMS.contains(formId);
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        checkDates(submission);
        checkReason(submission, "leader");
        checkReason(submission, "principal");
        Object number = submission.values().get("approvalNumber");
        if (number != null && approvalNumbers.takenByAnother(number.toString(), processInstanceId)) {
            submission.reject("approvalNumber", ApprovalNumbers.TAKEN, number, approvalNumbers.next(processInstanceId));
        }
    }

    private void checkDates(FormSubmission submission) {
        LocalDate start = date(submission, "startDate");
        LocalDate end = date(submission, "endDate");
        if (start != null && start.isBefore(LocalDate.now(clock))) {
            submission.reject("startDate", "externalStudy.error.startInPast");
        }
        if (start != null && end != null && end.isBefore(start)) {
            submission.reject("endDate", "externalStudy.error.endBeforeStart");
        } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) + 1 > maxTripDays) {
            // counted like TripFacts' tripDays: both the first and the last day
            submission.reject("endDate", "externalStudy.error.tripTooLong", maxTripDays);
        }
    }

    private void checkReason(FormSubmission submission, String step) {
        Object decision = submission.values().get(step + "Decision");
        Object comment = submission.values().get(step + "Comment");
        boolean saysNo = "reject".equals(decision) || "revise".equals(decision);
        if (saysNo && (comment == null || comment.toString().isBlank())) {
            submission.reject(step + "Comment", "externalStudy.error.reasonRequired");
        }
    }

    private static LocalDate date(FormSubmission submission, String key) {
        Object value = submission.values().get(key);
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
