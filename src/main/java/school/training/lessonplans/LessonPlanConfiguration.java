package school.training.lessonplans;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LessonPlanSettings.class)
class LessonPlanConfiguration {
}
