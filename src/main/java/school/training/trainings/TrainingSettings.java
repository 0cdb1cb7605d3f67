package school.training.trainings;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code training.trainings} in application.yml: how a late arrival counts when hours are credited
 * (FULL: the session's hours, HALF: half of them, NONE: nothing).
 */
@ConfigurationProperties("training.trainings")
public record TrainingSettings(@DefaultValue("FULL") LateCounts lateCountsAs) {

    public enum LateCounts {
        FULL, HALF, NONE;

        BigDecimal of(BigDecimal hours) {
            return switch (this) {
                case FULL -> hours;
                case HALF -> hours.divide(BigDecimal.valueOf(2));
                case NONE -> BigDecimal.ZERO;
            };
        }
    }
}
