package school.training.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The school's ledger rules ({@code training.ledger} in application.yml; the seed figures of DOMAIN.md are
 * the defaults there) and the hours one day away counts when a certificate names no hours.
 */
@ConfigurationProperties("training.ledger")
public record LedgerSettings(@DefaultValue("6") BigDecimal hoursPerDay, List<RequirementRule> rules) {

    public LedgerSettings {
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (hoursPerDay.signum() <= 0) {
            throw new IllegalArgumentException("training.ledger.hours-per-day must be positive");
        }
    }
}
