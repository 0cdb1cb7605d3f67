package school.training.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads a request against a form schema: applies exactly the schema's rules (required, min, max,
 * minLength, maxLength, pattern, options, number and date syntax, file type and size), types the
 * values and evaluates expressions. Read-only, disabled, text and expression components are never
 * taken from the request.
 */
@Component
public class FormSubmissions {

    public static final String REQUIRED = "form.error.required";
    public static final String MIN = "form.error.min";
    public static final String MAX = "form.error.max";
    public static final String MIN_LENGTH = "form.error.minLength";
    public static final String MAX_LENGTH = "form.error.maxLength";
    public static final String PATTERN = "form.error.pattern";
    public static final String NUMBER = "form.error.number";
    public static final String DECIMAL_DIGITS = "form.error.decimalDigits";
    public static final String DATE = "form.error.date";
    public static final String OPTION = "form.error.option";
    public static final String FILE_TOO_LARGE = "form.error.fileTooLarge";
    public static final String FILE_TYPE = "form.error.fileType";
    public static final String CONTROL_CHARACTER = "form.error.controlCharacter";
    public static final String SINGLE_LINE = "form.error.singleLine";

    // Plain decimal notation only: no exponent, no grouping, no comma decimal, no NaN/Infinity
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final FormExpressions expressions;
    private final DataSize maxFileSize;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public FormSubmissions(FormExpressions expressions,
            @Value("${training.uploads.max-size:10MB}") DataSize maxFileSize) {
        this.expressions = expressions;
        this.maxFileSize = maxFileSize;
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    public FormSubmission read(FormSchema schema, Map<String, String[]> params,
            MultiValueMap<String, MultipartFile> files) {
        return read(schema, params, files, Map.of());
    }

    /**
     * @param existingValues values already stored (e.g. the previous attachment id of a
     *        resubmission); a non-null entry satisfies a required filepicker
     */
    public FormSubmission read(FormSchema schema, Map<String, String[]> params,
            MultiValueMap<String, MultipartFile> files, Map<String, Object> existingValues) {
        FormSubmission submission = new FormSubmission(schema);
        Map<String, String[]> p = params == null ? Map.of() : params;
        MultiValueMap<String, MultipartFile> f = files == null ? new LinkedMultiValueMap<>() : files;
        Map<String, Object> existing = existingValues == null ? Map.of() : existingValues;
        for (FormComponent c : schema.fields()) {
            if (!c.isEditable()) {
                continue;
            }
            if (FormComponent.FILEPICKER.equals(c.getType())) {
                readFile(submission, c, f.get(c.getKey()), existing.get(c.getKey()) != null);
            } else {
                readValue(submission, c, first(p.get(c.getKey())), true);
            }
        }
        addExpressions(submission);
        return submission;
    }

    /**
     * Reads process variables sent by any client (REST, Camunda's Tasklist, our pages) against the
     * schema exactly as a posted form is read, so one set of rules decides. Filepicker values are
     * attachment ids: a non-null value satisfies a required picker; the caller checks the ids.
     */
    public FormSubmission readVariables(FormSchema schema, Map<String, ?> variables) {
        Map<String, String[]> params = new LinkedHashMap<>();
        Map<String, Object> existing = new LinkedHashMap<>();
        variables.forEach((key, value) -> {
            if (value != null) {
                params.put(key, new String[] { asInput(value) });
                existing.put(key, value);
            }
        });
        FormSubmission submission = read(schema, params, null, existing);
        // an attachment is already stored: its id is the field's value
        schema.fields().stream().filter(c -> FormComponent.FILEPICKER.equals(c.getType()))
                .filter(c -> existing.get(c.getKey()) != null)
                .forEach(c -> submission.values().put(c.getKey(), existing.get(c.getKey())));
        return submission;
    }

    /** What a person would have typed for a typed value: 600.0 → "600", a date → "2026-04-10". */
    public static String asInput(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString();
        }
        return value.toString();
    }

    /**
     * Values for a blank form: each field's {@code defaultValue} and the expressions computed from
     * them, so a page can pass them as {@code values} to the fragment.
     */
    public Map<String, Object> initialValues(FormSchema schema) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormComponent c : schema.fields()) {
            if (c.getDefaultValue() != null && !FormComponent.EXPRESSION.equals(c.getType())) {
                Object value = c.getDefaultValue();
                values.put(c.getKey(), value instanceof Number n && FormComponent.NUMBER.equals(c.getType())
                        ? n.doubleValue() : value);
            }
        }
        values.putAll(expressions.evaluate(schema, values));
        return values;
    }

    /**
     * Typed values and expression results for a live preview: invalid or missing input is left
     * out (so numbers count as their default or 0), nothing is rejected.
     */
    public Map<String, Object> evaluateLeniently(FormSchema schema, Map<String, String[]> params) {
        FormSubmission submission = new FormSubmission(schema);
        for (FormComponent c : schema.fields()) {
            if (c.isEditable() && !FormComponent.FILEPICKER.equals(c.getType())) {
                readValue(submission, c, first(params.get(c.getKey())), false);
            }
        }
        return expressions.evaluate(schema, withoutErrors(submission));
    }

    private void addExpressions(FormSubmission submission) {
        Map<String, Object> results = expressions.evaluate(submission.schema(), withoutErrors(submission));
        results.forEach((key, value) -> {
            submission.values().put(key, value);
            submission.putRaw(key, FormText.format(value, null));
        });
    }

    private static Map<String, Object> withoutErrors(FormSubmission submission) {
        Map<String, Object> typed = new LinkedHashMap<>(submission.values());
        submission.errors().keySet().forEach(typed::remove);
        return typed;
    }

    private void readValue(FormSubmission s, FormComponent c, String input, boolean validate) {
        String key = c.getKey();
        FormValidation rules = c.getValidate();
        if (FormComponent.CHECKBOX.equals(c.getType())) {
            // An unticked box sends nothing
            boolean checked = input != null && !input.isBlank() && !"false".equalsIgnoreCase(input.strip());
            s.putRaw(key, Boolean.toString(checked));
            s.values().put(key, checked);
            if (validate && rules.isRequired() && !checked) {
                s.reject(key, REQUIRED);
            }
            return;
        }
        s.putRaw(key, input == null ? "" : input);
        String value = input == null ? null : input.strip();
        if (value == null || value.isEmpty()) {
            s.values().put(key, null);
            if (validate && rules.isRequired()) {
                s.reject(key, REQUIRED);
            }
            return;
        }
        switch (c.getType()) {
            case FormComponent.NUMBER -> readNumber(s, c, value);
            case FormComponent.DATETIME -> readDate(s, c, value);
            case FormComponent.SELECT, FormComponent.RADIO -> {
                if (c.hasOption(value)) {
                    s.values().put(key, value);
                } else {
                    s.reject(key, OPTION);
                }
            }
            default -> readString(s, c, value);
        }
    }

    private void readString(FormSubmission s, FormComponent c, String value) {
        FormValidation rules = c.getValidate();
        String key = c.getKey();
        int length = value.codePointCount(0, value.length());
        String control = controlCharacters(c, value);
        if (control != null) {
            s.reject(key, control);
        } else if (rules.minLength() != null && length < rules.minLength()) {
            s.reject(key, MIN_LENGTH, rules.minLength());
        } else if (rules.maxLength() != null && length > rules.maxLength()) {
            s.reject(key, MAX_LENGTH, rules.maxLength());
        } else if (rules.pattern() != null && !rules.pattern().isEmpty()
                && !patterns.computeIfAbsent(rules.pattern(), Pattern::compile).matcher(value).matches()) {
            s.reject(key, PATTERN);
        }
        s.values().put(key, value);
    }

    /**
     * The error for a control character (Unicode category Cc) in typed text, or null: a textarea
     * may hold line breaks and tabs, a single-line field none. Others (NUL, escape, bell, C1 codes)
     * are never meant: they come with pasted text and break exports, e-mail and other programs.
     */
    private static String controlCharacters(FormComponent c, String value) {
        boolean multiLine = FormComponent.TEXTAREA.equals(c.getType());
        String error = null;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.getType(ch) != Character.CONTROL) {
                continue;
            }
            if (ch != '\n' && ch != '\r' && ch != '\t') {
                return CONTROL_CHARACTER;
            }
            if (!multiLine) {
                error = SINGLE_LINE;
            }
        }
        return error;
    }

    private void readNumber(FormSubmission s, FormComponent c, String value) {
        String key = c.getKey();
        if (!DECIMAL.matcher(value).matches()) {
            s.reject(key, NUMBER);
            return;
        }
        java.math.BigDecimal number = new java.math.BigDecimal(value);
        FormValidation rules = c.getValidate();
        Integer digits = c.getDecimalDigits();
        if (digits != null && number.stripTrailingZeros().scale() > Math.max(digits, 0)) {
            s.reject(key, DECIMAL_DIGITS, digits);
        } else if (rules.min() != null && number.doubleValue() < rules.min()) {
            s.reject(key, MIN, FormText.format(rules.min(), null));
        } else if (rules.max() != null && number.doubleValue() > rules.max()) {
            s.reject(key, MAX, FormText.format(rules.max(), null));
        }
        s.values().put(key, number.doubleValue());
    }

    private void readDate(FormSubmission s, FormComponent c, String value) {
        try {
            s.values().put(c.getKey(), LocalDate.parse(value).toString());
        } catch (DateTimeParseException e) {
            s.reject(c.getKey(), DATE);
        }
    }

    private void readFile(FormSubmission s, FormComponent c, List<MultipartFile> uploaded, boolean hasExisting) {
        String key = c.getKey();
        List<MultipartFile> present = new ArrayList<>();
        if (uploaded != null) {
            // A file input left empty still sends a part with no name and no bytes
            uploaded.stream().filter(file -> file != null && !file.isEmpty()).forEach(present::add);
        }
        if (!c.isMultiple() && present.size() > 1) {
            present = present.subList(0, 1);
        }
        if (present.isEmpty()) {
            if (c.isRequired() && !hasExisting) {
                s.reject(key, REQUIRED);
            }
            return;
        }
        for (MultipartFile file : present) {
            if (!accepted(c, file.getOriginalFilename())) {
                s.reject(key, FILE_TYPE, c.getAccept());
            } else if (file.getSize() > maxFileSize.toBytes()) {
                s.reject(key, FILE_TOO_LARGE, maxFileSize.toMegabytes());
            }
        }
        if (!s.errors().containsKey(key)) {
            s.putFiles(key, present);
        }
    }

    private static boolean accepted(FormComponent c, String filename) {
        // MIME types in accept (image/*) can't be checked from a name; only extensions are used
        List<String> extensions = Arrays.stream(c.extensionList().split(","))
                .map(String::strip)
                .filter(e -> e.startsWith("."))
                .toList();
        if (extensions.isEmpty()) {
            return true;
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        return extensions.contains(extension);
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }
}
