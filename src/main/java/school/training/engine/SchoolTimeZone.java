package school.training.engine;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The school's time zone ({@code training.time-zone}, Asia/Shanghai unless set) is the one every deadline is
 * reckoned in — "23:59 on the day of return", a timer at midnight, "today" on a page — whatever zone the
 * server was installed with (cloud machines are usually UTC). Set as the JVM's default before any bean
 * exists, so the engine's timers, Hibernate and the pages all agree.
 */
class SchoolTimeZone implements EnvironmentPostProcessor {

    static final String PROPERTY = "training.time-zone";
    static final String DEFAULT = "Asia/Shanghai";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty(PROPERTY, DEFAULT);
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        if (!timeZone.getID().equals(zone)) { // getTimeZone answers GMT for a name it does not know
            throw new IllegalStateException(PROPERTY + " is not a time zone: " + zone + " (e.g. Asia/Shanghai)");
        }
        TimeZone.setDefault(timeZone);
    }
}
