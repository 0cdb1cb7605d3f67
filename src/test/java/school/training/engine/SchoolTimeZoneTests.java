package school.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The school's zone wins over the server's: the tests run in a JVM started as UTC (surefire's
 * {@code -Duser.timezone=UTC}), as a cloud server would be. A deadline reckoned in it:
 * reporting.DeadlinesInTheSchoolsZoneTests.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class SchoolTimeZoneTests {

    TimeZone before;

    @BeforeEach
    void remember() {
        before = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void theApplicationRunsInShanghaiTimeOnAUtcMachine() {
        assertThat(System.getProperty("user.timezone")).as("the JVM was started as UTC").isEqualTo("UTC");
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void withoutTheSettingTheZoneIsShanghai() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));

        postProcess(new MockEnvironment());

        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aSchoolElsewhereSetsItsOwnZone() {
        postProcess(new MockEnvironment().withProperty(SchoolTimeZone.PROPERTY, "Asia/Urumqi"));

        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Urumqi");
    }

    @Test
    void anUnknownZoneStopsTheStartWithAClearMessage() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));

        assertThatThrownBy(() -> postProcess(new MockEnvironment().withProperty(SchoolTimeZone.PROPERTY, "Beijing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("training.time-zone is not a time zone: Beijing (e.g. Asia/Shanghai)");
        // nothing was reckoned in GMT meanwhile
        assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
    }

    private static void postProcess(MockEnvironment environment) {
        new SchoolTimeZone().postProcessEnvironment(environment, new SpringApplication());
    }
}
