package school.training.tasklist;

import school.training.forms.FormSubmission;

/**
 * Rules a form's schema cannot say (an end date after the start date, a comment when sending a
 * request back). Process modules implement it for their forms; errors land beside the field.
 */
public interface SubmissionRules {

    boolean appliesTo(String formId);

    /**
     * @param processInstanceId the request's instance, or null while the request is being started
     * @param userId who submits the form
     */
    void check(FormSubmission submission, String processInstanceId, String userId);
}
