package school.training.termreview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that open large campaigns in the background: as many as {@code open-workers} allows at most (4);
 * a campaign uses {@code open-workers} of them, leaving the job executor and the request threads some room.
 */
@Configuration
class CampaignOpening {

    static final String EXECUTOR = "campaignOpeningExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor campaignOpeningExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setThreadNamePrefix("campaign-opening-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
