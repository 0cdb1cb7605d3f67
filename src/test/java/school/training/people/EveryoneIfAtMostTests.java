package school.training.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page lists everyone only while they fit (抄送 up to {@code training.copy.listed-up-to}): at exactly that many
 * all of them, one more and none — read in one query, so the boundary is where the school's size says.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class EveryoneIfAtMostTests {

    @Autowired
    Directory directory;

    @Test
    void everyoneWhileTheyFitAndNobodyOnceOneMoreWorksHere() {
        int here = directory.everyone().size();
        assertThat(here).isGreaterThan(1);

        assertThat(directory.everyoneIfAtMost(here)).hasValueSatisfying(listed -> assertThat(listed)
                .extracting(Person::getId)
                .containsExactlyInAnyOrderElementsOf(directory.everyone().stream().map(Person::getId).toList()));
        assertThat(directory.everyoneIfAtMost(here + 5)).hasValueSatisfying(listed -> assertThat(listed).hasSize(here));
        assertThat(directory.everyoneIfAtMost(here - 1)).isEmpty();
    }
}
