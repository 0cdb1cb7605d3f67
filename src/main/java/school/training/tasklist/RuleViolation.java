package school.training.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import school.training.forms.FormError;

/**
 * A start or completion the engine refused because it breaks the form's or the process's rules. The
 * REST API and Camunda's Tasklist answer 400 with the message; our pages show each error beside its
 * field. It is Camunda's own kind of form validation failure, so Camunda's REST resources answer 400
 * for it wherever they run: on /engine-rest and on Tasklist's own API (/camunda/api/engine), which
 * {@link RestAnswers} does not reach and which answers 500 for any other engine exception.
 */
public class RuleViolation extends FormFieldValidationException {

    /** Errors that belong to no field (nobody decides on their own request) use this key. */
    public static final String REQUEST = "_request";

    private final transient Map<String, FormError> errors;

    RuleViolation(String message, Map<String, FormError> errors) {
        super(null, message);
        this.errors = Map.copyOf(errors);
    }

    /**
     * A refusal of one field that only shows while the command runs (a number a colleague registered a
     * moment ago), thrown by a process module's listener; the engine then rolls the command back.
     *
     * @param message what the REST API and Camunda's Tasklist show, already in words
     */
    public static RuleViolation of(String message, String field, String code, Object... args) {
        return new RuleViolation(message, Map.of(field, new FormError(code, args)));
    }

    public Map<String, FormError> errors() {
        return errors;
    }
}
