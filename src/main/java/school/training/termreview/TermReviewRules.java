package school.training.termreview;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.records.RequestRecords;
import school.training.tasklist.SubmissionRules;

/**
 * A judged item that differs from what the term's records imply says why, an adjusted score says why, an appeal
 * says what is wrong. The same for our pages, Camunda's Tasklist and the REST API: the engine runs these.
 */
@Component
class TermReviewRules implements SubmissionRules {

    static final List<String> JUDGED = List.of("archiveDeduction", "missingLessonPlans", "observationDeduction");

    private final RequestRecords records;
    private final TermRecords termRecords;
    private final TermReviewCampaignRepository campaigns;

    TermReviewRules(RequestRecords records, TermRecords termRecords, TermReviewCampaignRepository campaigns) {
        this.records = records;
        this.termRecords = termRecords;
        this.campaigns = campaigns;
    }

    @Override
    public boolean appliesTo(String formId) {
        return formId.startsWith(TermReviewProcess.KEY + "-");
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        Map<String, Object> values = submission.values();
        if (processInstanceId != null && JUDGED.stream().anyMatch(values::containsKey)) {
            Rubric.Judgement fromRecords = fromRecords(processInstanceId);
            if (fromRecords != null && overrides(fromRecords, values)) {
                requireWhen(submission, true, "deductionReason", "termReview.error.required.overrideReason",
                        fromRecords.archiveDeduction(), fromRecords.missingLessonPlans(),
                        fromRecords.observationDeduction());
            }
        }
        if ("adjust".equals(values.get("principalDecision"))) {
            requireWhen(submission, true, "adjustedScore", "termReview.error.required.adjustedScore");
            requireWhen(submission, true, "principalComment", "termReview.error.required.principalComment");
        }
        requireWhen(submission, "appeal".equals(values.get("appealDecision")), "appealReason",
                "termReview.error.required.appealReason");
    }

    /** What the records imply for this review's teacher and term now, or null for a review without a term. */
    private Rubric.Judgement fromRecords(String processInstanceId) {
        // the campaign the review started in, as its start record holds it (not a variable a client could rewrite)
        Object campaignId = records.facts(processInstanceId, List.of("campaignId")).get("campaignId");
        String teacher = records.applicant(processInstanceId).orElse(null);
        TermReviewCampaign campaign = campaigns.ofReview(campaignId).orElse(null);
        if (teacher == null || campaign == null) {
            return null;
        }
        return termRecords.forTeacher(teacher, campaign.getTermStart(), campaign.getTermEnd()).judgement();
    }

    /**
     * Whether any judged figure sent differs from the records' (the records are the reason for their own
     * deductions; a leader who knows better says why, and the score sheet shows it).
     */
    static boolean overrides(Rubric.Judgement fromRecords, Map<String, ?> values) {
        return differs(values.get("archiveDeduction"), fromRecords.archiveDeduction())
                || differs(values.get("missingLessonPlans"), fromRecords.missingLessonPlans())
                || differs(values.get("observationDeduction"), fromRecords.observationDeduction());
    }

    private static boolean differs(Object value, int fromRecords) {
        return value instanceof Number n && n.doubleValue() != fromRecords;
    }

    private static void requireWhen(FormSubmission submission, boolean condition, String key, String code,
            Object... args) {
        Object value = submission.values().get(key);
        if (condition && (value == null || value.toString().isBlank())) {
            submission.reject(key, code, args);
        }
    }
}
