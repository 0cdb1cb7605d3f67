package school.training.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's notion of "now" is the engine's clock, so that moving the engine clock (in tests,
 * or to show an overdue case in the demo) moves every rule that compares with today as well.
 */
@Configuration
class EngineClock {

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.systemDefault();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }
}
