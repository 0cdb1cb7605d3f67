package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.tasklist.WebFixtures;

/**
 * The app makes its repositories when first used (application.yml: a faster start), the tests at start
 * (application-test.yml: every query checked by Hibernate). This context runs as the app does: the
 * repositories a page needs are made on its first request, and the pages work.
 */
@SpringBootTest(properties = "spring.data.jpa.repositories.bootstrap-mode=lazy")
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class RepositoriesMadeWhenFirstUsedTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void theOfficeDashboardMakesTheRepositoriesItReadsOnItsFirstRequest() throws Exception {
        String readModel = "requestOverviewRepository";
        assertThat(beans.getBeanDefinition(readModel).isLazyInit()).isTrue();
        boolean madeAtStart = beans.containsSingleton(readModel);

        mvc.perform(get("/office").with(new WebFixtures(identityService).as("zhao.min")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("办公室")));
        mvc.perform(get("/").with(new WebFixtures(identityService).as("chen.jing"))).andExpect(status().isOk());

        assertThat(madeAtStart).as("the read model's repository is not made at start").isFalse();
        assertThat(beans.containsSingleton(readModel)).as("made for the dashboard's first request").isTrue();
    }
}
