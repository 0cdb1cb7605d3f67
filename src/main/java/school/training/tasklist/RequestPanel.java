package school.training.tasklist;

import java.util.Map;

/**
 * A process module's own section on a request page (the reimbursement statement of a report-back,
 * a link from a trip to its report-back). {@code template} and {@code fragment} name a Thymeleaf
 * fragment; {@code model} is what it shows, or null when there is nothing to show for this request.
 */
public interface RequestPanel {

    boolean appliesTo(String processKey);

    String template();

    String fragment();

    Map<String, Object> model(String processInstanceId, Map<String, Object> variables);
}
