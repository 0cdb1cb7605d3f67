package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tests' contexts make every repository at start (application-test.yml), so Hibernate checks every
 * {@code @Query} against the entities in every build; the app itself makes them when first used.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class RepositoriesMadeAtStartInTestsTests {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void everyRepositoryIsMadeWhenATestContextStarts() {
        String[] repositories = beans.getBeanNamesForType(org.springframework.data.repository.Repository.class,
                true, false);
        assertThat(repositories).hasSizeGreaterThan(20);
        for (String name : repositories) {
            assertThat(beans.getBeanDefinition(name).isLazyInit()).as(name).isFalse();
            assertThat(beans.containsSingleton(name)).as(name).isTrue();
        }
    }
}
