package school.training.recognition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.tasklist.SubmissionRules;

/**
 * What the credit-recognition forms cannot say in their schema, for every client alike: the training
 * ended after it began and not in the future, the certificate is not held by another claim, a reason
 * when a step returns or rejects, and the office recognises at most the hours claimed — fewer only
 * with a reason.
 */
@Component
class RecognitionRules implements SubmissionRules {

    private final Clock clock;
    private final Certificates certificates;
    private final RuntimeService runtimeService;

    RecognitionRules(Clock clock, Certificates certificates, RuntimeService runtimeService) {
        this.clock = clock;
        this.certificates = certificates;
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean appliesTo(String formId) {
        return formId.startsWith(CreditRecognitionProcess.KEY + "-");
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        Map<String, Object> values = submission.values();
        if (CreditRecognitionProcess.CLAIM_FORM.equals(submission.schema().getId())) {
            checkClaim(submission, processInstanceId);
        }
        for (String step : new String[] { "leaderCheck", "principal", "officeRecognition" }) {
            Object decision = values.get(step + "Decision");
            if ("revise".equals(decision) || "reject".equals(decision)) {
                requireComment(submission, step + "Comment", "recognition.error.commentRequired");
            }
        }
        if ("approve".equals(values.get("officeRecognitionDecision"))) {
            BigDecimal recognised = number(values.get("recognisedHours"));
            // the claim's hours are shown, not sent, on the office's form: the request's own value counts
            BigDecimal claimed = number(processInstanceId == null ? null
                    : runtimeService.getVariable(processInstanceId, "hoursClaimed"));
            if (recognised == null) {
                submission.reject("recognisedHours", "recognition.error.recognisedHoursRequired");
            } else if (claimed != null && recognised.compareTo(claimed) > 0) {
                submission.reject("recognisedHours", "recognition.error.moreThanClaimed", claimed.toPlainString());
            } else if (claimed != null && recognised.compareTo(claimed) < 0) {
                requireComment(submission, "officeRecognitionComment", "recognition.error.fewerHoursReason");
            }
        }
    }

    private void checkClaim(FormSubmission submission, String processInstanceId) {
        Map<String, Object> values = submission.values();
        LocalDate start = RecognitionCap.date(values.get("startDate"));
        LocalDate end = RecognitionCap.date(values.get("endDate"));
        if (start != null && end != null && end.isBefore(start)) {
            submission.reject("endDate", "recognition.error.endBeforeStart");
        }
        if (end != null && end.isAfter(LocalDate.now(clock))) {
            submission.reject("endDate", "recognition.error.endInFuture");
        }
        Object number = values.get(Certificates.FIELD);
        if (number != null && !number.toString().isBlank() && certificates
                .heldByAnother(number, values.get("organizer"), processInstanceId).isPresent()) {
            submission.reject(Certificates.FIELD, Certificates.TAKEN, number);
        }
    }

    private static void requireComment(FormSubmission submission, String key, String code) {
        Object value = submission.values().get(key);
        if (value == null || value.toString().isBlank()) {
            submission.reject(key, code);
        }
    }

    private static BigDecimal number(Object value) {
        try {
            return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
