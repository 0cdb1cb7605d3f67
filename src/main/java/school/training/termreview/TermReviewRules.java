package school.training.termreview;

import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.tasklist.SubmissionRules;

/** Every deduction has a reason, an adjusted score says why, an appeal says what is wrong. */
@Component
class TermReviewRules implements SubmissionRules {

    @Override
    public boolean appliesTo(String formId) {
        return formId.startsWith(TermReviewProcess.KEY + "-");
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        Map<String, Object> values = submission.values();
        requireWhen(submission, reasonNeeded(values.get("archiveDeduction"), values.get("missingLessonPlans"),
                values.get("observationDeduction")), "deductionReason");
        if ("adjust".equals(values.get("principalDecision"))) {
            requireWhen(submission, true, "adjustedScore");
            requireWhen(submission, true, "principalComment");
        }
        requireWhen(submission, "appeal".equals(values.get("appealDecision")), "appealReason");
    }

    /**
     * Any deduction the leader makes needs the leader's reason (the task form and the group page alike); a failed
     * training's penalty is explained by its record, linked from the score sheet.
     */
    static boolean reasonNeeded(Object archiveDeduction, Object missingLessonPlans, Object observationDeduction) {
        return positive(archiveDeduction) || positive(missingLessonPlans) || positive(observationDeduction);
    }

    private static boolean positive(Object value) {
        return value instanceof Number n && n.doubleValue() > 0;
    }

    private static void requireWhen(FormSubmission submission, boolean condition, String key) {
        Object value = submission.values().get(key);
        if (condition && (value == null || value.toString().isBlank())) {
            submission.reject(key, "termReview.error.required." + key);
        }
    }
}
