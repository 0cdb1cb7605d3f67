package school.training.tasklist;

import school.training.forms.FormSubmission;

/**
 * Rules a form's schema cannot say (an end date after the start date, a comment when sending a
 * request back). Process modules implement it for their forms; errors land beside the field.
 */
public interface SubmissionRules {

    boolean appliesTo(String formId);

    void check(FormSubmission submission);
}
