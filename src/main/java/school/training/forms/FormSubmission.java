package school.training.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

/**
 * A submitted form, read against its schema: typed values for the process, the raw text for
 * re-display, uploaded files, and errors keyed by component key.
 */
public final class FormSubmission {

    private final FormSchema schema;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> raw = new LinkedHashMap<>();
    private final Map<String, List<MultipartFile>> files = new LinkedHashMap<>();
    private final Map<String, FormError> errors = new LinkedHashMap<>();

    FormSubmission(FormSchema schema) {
        this.schema = schema;
    }

    public FormSchema schema() {
        return schema;
    }

    /**
     * Typed values: String (text, select, radio, ISO date), Double (number, expression result),
     * Boolean (checkbox). Files are not here; see {@link #files()}. Mutable so a caller can add the
     * id of a stored attachment or other process variables.
     */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * What the person typed, per key, for re-rendering a page with errors; expression results are
     * included (formatted) so computed outputs stay filled.
     */
    public Map<String, String> raw() {
        return Collections.unmodifiableMap(raw);
    }

    /**
     * Values for re-rendering this submission with its errors: {@code existing} (e.g. the current
     * attachment id and {@code <key>Name}) overlaid with what was typed.
     */
    public Map<String, Object> redisplay(Map<String, ?> existing) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (existing != null) {
            values.putAll(existing);
        }
        values.putAll(raw);
        return values;
    }

    /** Uploaded, non-empty files per filepicker key (validated against accept and size). */
    public Map<String, List<MultipartFile>> files() {
        return Collections.unmodifiableMap(files);
    }

    /** The first uploaded file for a filepicker key, or null. */
    public MultipartFile file(String key) {
        List<MultipartFile> list = files.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** A file is attached to this field: uploaded with this submission or named by its attachment id. */
    public boolean hasFile(String key) {
        return files.getOrDefault(key, List.of()).stream().anyMatch(f -> !f.isEmpty()) || values.get(key) != null;
    }

    /** First error per key; keys are component keys or the caller's own (see {@link #reject}). */
    public Map<String, FormError> errors() {
        return Collections.unmodifiableMap(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Adds a domain error (e.g. end before start) unless the field already has one. */
    public FormSubmission reject(String key, String code, Object... args) {
        errors.putIfAbsent(key, new FormError(code, args));
        return this;
    }

    void putRaw(String key, String value) {
        raw.put(key, value);
    }

    void putFiles(String key, List<MultipartFile> uploaded) {
        files.put(key, List.copyOf(uploaded));
    }

    @Override
    public String toString() {
        return "FormSubmission[" + schema.getId() + ", values=" + values.keySet() + ", errors=" + errors + "]";
    }
}
