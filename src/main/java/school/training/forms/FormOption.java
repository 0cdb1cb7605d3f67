package school.training.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of a select's or radio group's {@code values}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormOption(String label, String value) {

    // Getters for Thymeleaf/SpEL, which reads bean properties
    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }
}
