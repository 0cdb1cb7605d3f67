package school.training.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Camunda Forms (form-js) document: its id and component tree. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FormSchema {

    private static final Logger log = LoggerFactory.getLogger(FormSchema.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Set<String> warnedTypes = ConcurrentHashMap.newKeySet();

    @JsonProperty private String id;
    @JsonProperty private List<FormComponent> components = List.of();

    public static FormSchema parse(InputStream json) {
        try (json) {
            return checked(JSON.readValue(json, FormSchema.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a Camunda Forms document", e);
        }
    }

    public static FormSchema parse(String json) {
        try {
            return checked(JSON.readValue(json, FormSchema.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a Camunda Forms document", e);
        }
    }

    private static FormSchema checked(FormSchema schema) {
        schema.components = schema.components == null ? List.of() : schema.components;
        schema.walk(schema.components, c -> {
            if (!c.isSupported() && warnedTypes.add(c.getType())) {
                log.warn("Form component type '{}' is not supported; it is not rendered and not validated (form {})",
                        c.getType(), schema.id);
            }
        });
        return schema;
    }

    public String getId() {
        return id;
    }

    /** Top-level components in order; groups hold their own. */
    public List<FormComponent> getComponents() {
        return Collections.unmodifiableList(components);
    }

    /** Every supported leaf component with a key, in document order, groups flattened. */
    public List<FormComponent> fields() {
        List<FormComponent> fields = new ArrayList<>();
        walk(components, c -> {
            if (c.isSupported() && c.isField()) {
                fields.add(c);
            }
        });
        return fields;
    }

    public Optional<FormComponent> field(String key) {
        return fields().stream().filter(c -> c.getKey().equals(key)).findFirst();
    }

    private void walk(List<FormComponent> list, java.util.function.Consumer<FormComponent> visitor) {
        for (FormComponent c : list) {
            visitor.accept(c);
            if (FormComponent.GROUP.equals(c.getType())) {
                walk(c.getComponents(), visitor);
            }
        }
    }

    @Override
    public String toString() {
        return "FormSchema[" + id + "]";
    }
}
