package school.training.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OperationsConfig {

    /** Named as Camunda's indicator, which then steps aside: the health component stays "jobExecutor". */
    @Bean
    JobExecutorHealth jobExecutorHealthIndicator(ProcessEngine processEngine,
            @Value("${" + JobExecutorHealth.PROPERTY + ":true}") boolean enabled) {
        return new JobExecutorHealth(processEngine, enabled);
    }

    @Bean
    TrainingGauges trainingGauges(TaskService taskService, RuntimeService runtimeService,
            ManagementService managementService, IdentityService identityService) {
        return new TrainingGauges(taskService, runtimeService, managementService, identityService);
    }

    /** Static: a post-processor of the DataSource is made before the other beans (see SqlCounters). */
    @Bean
    @ConditionalOnProperty(name = "training.operations.count-sql", havingValue = "true")
    static SqlCounters sqlCounters() {
        return new SqlCounters();
    }

    @Bean
    @ConditionalOnProperty(name = "training.operations.count-sql", havingValue = "true")
    SqlStatementsEndpoint sqlStatementsEndpoint(SqlCounters counters) {
        return new SqlStatementsEndpoint(counters.times());
    }

    /** Ahead of Spring Security, so its lines (a wrong password, a throttled login) carry the request's id too. */
    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext() {
        var registration = new FilterRegistrationBean<>(new RequestLogContext());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setName("request-log-context");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogContext.SignedIn> requestLogUser() {
        var registration = new FilterRegistrationBean<>(new RequestLogContext.SignedIn());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setName("request-log-user");
        return registration;
    }
}
