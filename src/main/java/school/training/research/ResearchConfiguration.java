package school.training.research;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ResearchSettings.class)
class ResearchConfiguration {
}
