package school.training.deputies;

import java.util.Map;

/** A deputyship that cannot be set, with a message key per form field ("deputyId", "lastDay", …). */
public class DeputyshipRefused extends RuntimeException {

    private final Map<String, String> errors;

    DeputyshipRefused(Map<String, String> errors) {
        super("Deputyship refused: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
