package school.training.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One node of a form-js component tree. Getters (not record accessors) because the Thymeleaf
 * fragment reads these as bean properties.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FormComponent {

    public static final String TEXTFIELD = "textfield";
    public static final String TEXTAREA = "textarea";
    public static final String NUMBER = "number";
    public static final String SELECT = "select";
    public static final String RADIO = "radio";
    public static final String CHECKBOX = "checkbox";
    public static final String DATETIME = "datetime";
    public static final String FILEPICKER = "filepicker";
    public static final String GROUP = "group";
    public static final String TEXT = "text";
    public static final String EXPRESSION = "expression";

    static final Set<String> SUPPORTED = Set.of(TEXTFIELD, TEXTAREA, NUMBER, SELECT, RADIO, CHECKBOX, DATETIME,
            FILEPICKER, GROUP, TEXT, EXPRESSION);

    /** Types whose value the person types or picks (expression and text are not input). */
    static final Set<String> INPUTS = Set.of(TEXTFIELD, TEXTAREA, NUMBER, SELECT, RADIO, CHECKBOX, DATETIME,
            FILEPICKER);

    @JsonProperty private String id;
    @JsonProperty private String type;
    @JsonProperty private String key;
    @JsonProperty private String label;
    @JsonProperty private String description;
    @JsonProperty private String text;
    @JsonProperty private List<FormOption> values = List.of();
    @JsonProperty private FormValidation validate = FormValidation.NONE;
    @JsonProperty private List<FormComponent> components = List.of();
    @JsonProperty private String subtype;
    @JsonProperty private String dateLabel;
    @JsonProperty private Integer decimalDigits;
    @JsonProperty private Object defaultValue;
    @JsonProperty private String expression;
    @JsonProperty private String accept;
    @JsonProperty private boolean multiple;
    @JsonProperty private boolean readonly;
    @JsonProperty private boolean disabled;

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getKey() {
        return key;
    }

    /** The JSON label; a date field carries its label in {@code dateLabel}. */
    public String getLabel() {
        return label != null ? label : dateLabel;
    }

    public String getDescription() {
        return description;
    }

    public String getText() {
        return text;
    }

    public List<FormOption> getValues() {
        return values == null ? List.of() : values;
    }

    public FormValidation getValidate() {
        return validate == null ? FormValidation.NONE : validate;
    }

    public List<FormComponent> getComponents() {
        return components == null ? List.of() : components;
    }

    public String getSubtype() {
        return subtype;
    }

    public String getDateLabel() {
        return dateLabel;
    }

    public Integer getDecimalDigits() {
        return decimalDigits;
    }

    public Object getDefaultValue() {
        return defaultValue;
    }

    public String getExpression() {
        return expression;
    }

    public String getAccept() {
        return accept;
    }

    public boolean isMultiple() {
        return multiple;
    }

    public boolean isReadonly() {
        return readonly;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public boolean isRequired() {
        return getValidate().isRequired();
    }

    public boolean isSupported() {
        return SUPPORTED.contains(type);
    }

    /** A date picker; other datetime subtypes (time, datetime) are not supported. */
    public boolean isDate() {
        return DATETIME.equals(type) && (subtype == null || "date".equals(subtype));
    }

    /** A component the person fills in and that the server takes from the request. */
    public boolean isEditable() {
        return key != null && INPUTS.contains(type) && !readonly && !disabled && (!DATETIME.equals(type) || isDate());
    }

    /** Leaf component that carries a value under {@link #getKey()}. */
    public boolean isField() {
        return key != null && (INPUTS.contains(type) || EXPRESSION.equals(type));
    }

    /** HTML {@code step} for a number input, from {@code decimalDigits}. */
    public String getStep() {
        if (decimalDigits == null) {
            return "any";
        }
        return decimalDigits <= 0 ? "1" : BigDecimal.ONE.movePointLeft(decimalDigits).toPlainString();
    }

    /** HTML {@code min} of a number input, or null. */
    public String getHtmlMin() {
        return getValidate().min() == null ? null : FormText.format(getValidate().min(), null);
    }

    /** HTML {@code max} of a number input, or null. */
    public String getHtmlMax() {
        return getValidate().max() == null ? null : FormText.format(getValidate().max(), null);
    }

    /** The JSON label of the option with this value, or null. */
    public String optionLabel(Object value) {
        if (value == null) {
            return null;
        }
        String v = value.toString();
        return getValues().stream().filter(o -> v.equals(o.value())).map(FormOption::label).findFirst().orElse(null);
    }

    public boolean hasOption(String value) {
        return getValues().stream().anyMatch(o -> Objects.equals(o.value(), value));
    }

    /** The value an input shows: what was typed, else the process value, else the schema default. */
    public String inputValue(Map<String, ?> values) {
        if (key == null) {
            return "";
        }
        if (values != null && values.containsKey(key)) {
            return format(values.get(key));
        }
        return defaultValue == null ? "" : format(defaultValue);
    }

    /** Whether a checkbox is ticked, an option chosen: compares with {@link #inputValue}. */
    public boolean isChecked(Map<String, ?> values) {
        String v = inputValue(values);
        return "true".equalsIgnoreCase(v) || "on".equalsIgnoreCase(v);
    }

    /** Display text for a value of this component (numbers without float noise). */
    public String format(Object value) {
        return FormText.format(value, NUMBER.equals(type) ? decimalDigits : null);
    }

    /**
     * HTML of a text component: {@code translated} (from the message bundle) or the JSON text, with
     * placeholders filled from {@code values}; see {@link FormText#render}.
     */
    public String renderText(String translated, Map<String, ?> values) {
        return FormText.render(translated != null ? translated : text, values);
    }

    @Override
    public String toString() {
        return type + (key != null ? "[" + key + "]" : "(" + id + ")");
    }

    String extensionList() {
        return accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    }
}
