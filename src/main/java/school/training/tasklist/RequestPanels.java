package school.training.tasklist;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The process modules' own sections for one request (score sheet, reimbursement statement, support
 * granted…). Shown on the request page and on every task page of that request: whoever decides a
 * step sees what the decision is about, not only the form's fields.
 */
@Component
class RequestPanels {

    /** A module's panel with what it shows for this request. */
    record ShownPanel(String template, String fragment, Map<String, Object> model) {
    }

    private final List<RequestPanel> panels;

    RequestPanels(List<RequestPanel> panels) {
        this.panels = panels;
    }

    List<ShownPanel> shown(String processKey, String processInstanceId, Map<String, Object> values) {
        return panels.stream().filter(panel -> panel.appliesTo(processKey))
                .map(panel -> new ShownPanel(panel.template(), panel.fragment(), panel.model(processInstanceId, values)))
                .filter(shown -> shown.model() != null).toList();
    }
}
