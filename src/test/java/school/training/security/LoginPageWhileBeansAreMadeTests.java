package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Right after start the start-up runners make the repositories they use (the app makes them when first used) while
 * Tomcat already serves the first page. The login page must not wait for them, nor make every repository itself:
 * it did both, through Spring Data's web support (which the app does not use) and the {@code sec:authorize}
 * lookups, and came seconds after Tomcat on a 2-core machine (bench/README.md, start-up).
 */
@SpringBootTest(properties = "spring.data.jpa.repositories.bootstrap-mode=lazy")
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class LoginPageWhileBeansAreMadeTests {

    static final CountDownLatch runnerMayGoOn = new CountDownLatch(1);
    static final CountDownLatch runnerIsMakingItsBean = new CountDownLatch(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void theLoginPageIsServedWhileAStartUpRunnerIsMakingABeanAndMakesNoRepository() throws Exception {
        // what a runner does at start: make a bean nobody made before, holding Spring's lock on making beans
        CompletableFuture<Object> runner = CompletableFuture.supplyAsync(() -> beans.getBean("slowlyMadeBean"));
        try {
            assertThat(runnerIsMakingItsBean.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Integer> loginPage = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // not a speed check: without the fix the page waits for as long as the bean is being made, here forever
            assertThat(loginPage.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(runner).isNotDone();
        } finally {
            runnerMayGoOn.countDown();
        }
        assertThat(runner.get(30, TimeUnit.SECONDS)).isEqualTo("made");
        assertThat(beans.containsSingleton("trainingResultRepository"))
                .as("the login page makes no repository").isFalse();
    }

    @TestConfiguration
    static class SlowBean {

        @Bean
        @Lazy
        String slowlyMadeBean() throws InterruptedException {
            runnerIsMakingItsBean.countDown();
            runnerMayGoOn.await(120, TimeUnit.SECONDS);
            return "made";
        }
    }
}
