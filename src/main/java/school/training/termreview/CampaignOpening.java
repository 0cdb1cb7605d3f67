package school.training.termreview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one thread that opens large campaigns in the background: one at a time is enough for a school office, and
 * it leaves the engine's job executor and the request threads their cores.
 */
@Configuration
class CampaignOpening {

    static final String EXECUTOR = "campaignOpeningExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor campaignOpeningExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("campaign-opening-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
