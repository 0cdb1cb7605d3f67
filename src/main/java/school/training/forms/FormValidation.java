package school.training.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code validate} block of a form-js component. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormValidation(Boolean required, Double min, Double max, Integer minLength, Integer maxLength,
        String pattern) {

    static final FormValidation NONE = new FormValidation(null, null, null, null, null, null);

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public Double getMin() {
        return min;
    }

    public Double getMax() {
        return max;
    }

    public Integer getMinLength() {
        return minLength;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public String getPattern() {
        return pattern;
    }
}
