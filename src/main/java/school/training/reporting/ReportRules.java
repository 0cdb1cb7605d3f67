package school.training.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.tasklist.SubmissionRules;

/**
 * What the report-back forms cannot say in their schema: a changed return date is given and makes
 * sense, spending comes with receipts, a returned report says why, an accepted one says whether it is to
 * be shared, a penalty has a reason and does not
 * exceed what would be paid.
 */
@Component
class ReportRules implements SubmissionRules {

    private final Clock clock;
    private final RuntimeService runtimeService;

    ReportRules(Clock clock, RuntimeService runtimeService) {
        this.clock = clock;
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean appliesTo(String formId) {
        return formId.startsWith(ReportingProcess.KEY + "-");
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        Map<String, Object> values = submission.values();
        if ("changed".equals(values.get("checkInStatus"))) {
            checkReturnDate(submission, processInstanceId);
        }
        if (values.get("actualTotal") instanceof Number total && total.doubleValue() > 0
                && !hasReceipts(submission, processInstanceId)) {
            submission.reject("receipts", "reporting.error.receiptsRequired");
        }
        if (values.get("sharingDate") != null && processInstanceId != null) {
            checkSharingDate(submission, processInstanceId);
        }
        if ("revise".equals(values.get("reviewDecision")) && blank(values.get("reviewComment"))) {
            submission.reject("reviewComment", "reporting.error.reasonRequired");
        }
        // whether to share is decided with the acceptance; a report sent back is not asked yet
        if ("approve".equals(values.get("reviewDecision")) && blank(values.get("sharing"))) {
            submission.reject("sharing", "reporting.error.sharingRequired");
        }
        if (values.get("penaltyAmount") instanceof Number penalty && penalty.doubleValue() > 0) {
            if (blank(values.get("penaltyReason"))) {
                submission.reject("penaltyReason", "reporting.error.penaltyReasonRequired");
            }
            Object payable = processInstanceId == null ? null
                    : runtimeService.getVariable(processInstanceId, "reimbursableTotal");
            if (payable instanceof Number total && penalty.doubleValue() > total.doubleValue()) {
                submission.reject("penaltyAmount", "reporting.error.penaltyTooHigh", total);
            }
        }
    }

    /** A sharing session (交流汇报) shares what was learnt: not before the teacher came back. */
    private void checkSharingDate(FormSubmission submission, String processInstanceId) {
        LocalDate sharing = date(submission.values().get("sharingDate"));
        Object returned = runtimeService.getVariable(processInstanceId, "actualReturnDate");
        LocalDate back = date(returned != null ? returned : runtimeService.getVariable(processInstanceId, "endDate"));
        if (sharing != null && back != null && sharing.isBefore(back)) {
            submission.reject("sharingDate", "reporting.error.sharingBeforeReturn", back.toString());
        }
    }

    private static LocalDate date(Object value) {
        try {
            return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null; // the form's own validation names a malformed date
        }
    }

    private void checkReturnDate(FormSubmission submission, String processInstanceId) {
        Object value = submission.values().get("actualReturnDate");
        if (value == null) {
            submission.reject("actualReturnDate", "reporting.error.returnDateRequired");
            return;
        }
        try {
            LocalDate returned = LocalDate.parse(value.toString());
            Object start = processInstanceId == null ? null : runtimeService.getVariable(processInstanceId, "startDate");
            if (returned.isAfter(LocalDate.now(clock))
                    || (start != null && returned.isBefore(LocalDate.parse(start.toString())))) {
                submission.reject("actualReturnDate", "reporting.error.returnDateImpossible");
            }
        } catch (DateTimeParseException e) {
            // the schema already reported an unreadable date
        }
    }

    /** Receipts uploaded now, or kept from the report's previous round. */
    private boolean hasReceipts(FormSubmission submission, String processInstanceId) {
        boolean uploaded = submission.hasFile("receipts");
        return uploaded || (processInstanceId != null && runtimeService.getVariable(processInstanceId, "receipts") != null);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
