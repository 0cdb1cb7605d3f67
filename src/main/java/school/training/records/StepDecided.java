package school.training.records;

import java.util.Map;

/**
 * Published (synchronously, inside the step's own engine transaction) each time a task's record is
 * written, whichever client completed it: listeners that must hear of every decision (the applicant's
 * notifications) hook here instead of in a page. A listener that fails rolls the step back.
 *
 * @param applicant the request's applicant as fixed at its start, or null for a request without one
 * @param values    the step's own form values, as recorded
 */
public record StepDecided(String processInstanceId, String step, String decidedBy, String applicant, String title,
        String decision, String comment, Map<String, Object> values) {
}
