package school.training.ledger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ LedgerSettings.class, SchoolCalendar.class })
class LedgerConfiguration {
}
