package school.training.recognition;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;
import school.training.tasklist.RequestPanel;

/**
 * The hours of a claim on its page: claimed, recognised by the office (as its step recorded them), and
 * credited to the ledger — fewer than recognised when the school's yearly cap cut them, which it says.
 */
@Component
class RecognitionPanel implements RequestPanel {

    private final RequestRecords records;

    RecognitionPanel(RequestRecords records) {
        this.records = records;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return CreditRecognitionProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "recognition/panels";
    }

    @Override
    public String fragment() {
        return "hours";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        Map<String, Object> facts = records.facts(processInstanceId);
        Map<String, Object> model = new HashMap<>();
        model.put("claimed", variables.get("hoursClaimed"));
        model.put("recognised", "approve".equals(facts.get("officeRecognitionDecision")) ? facts.get("recognisedHours") : null);
        model.put("credited", variables.get("creditedHours"));
        model.put("cap", variables.get("capHours"));
        Object credited = variables.get("creditedHours");
        Object recognised = model.get("recognised");
        model.put("capped", credited instanceof Number c && recognised instanceof Number r
                && c.doubleValue() < r.doubleValue());
        return model;
    }
}
