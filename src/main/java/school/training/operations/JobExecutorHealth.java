package school.training.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The job executor runs every timer (reminders, deadlines, a trip's end) and every asynchronous step: when it
 * should run and does not, nothing moves by itself, so health is DOWN. Turned off on purpose
 * ({@code camunda.bpm.job-execution.enabled=false}: the tests, or a node of a cluster that only serves pages)
 * it is UP and says so. Replaces Camunda's own indicator, which only knows "active" and is absent when the
 * executor is turned off.
 */
class JobExecutorHealth implements HealthIndicator {

    static final String PROPERTY = "camunda.bpm.job-execution.enabled";

    private final ProcessEngine processEngine;
    private final boolean enabled;

    JobExecutorHealth(ProcessEngine processEngine, boolean enabled) {
        this.processEngine = processEngine;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getJobExecutor();
        boolean active = executor != null && executor.isActive();
        if (!enabled) {
            return Health.up().withDetail("enabled", false).withDetail("active", active)
                    .withDetail("note", PROPERTY + "=false: timers and asynchronous steps run only when something"
                            + " else executes them")
                    .build();
        }
        Health.Builder health = active ? Health.up() : Health.down();
        health.withDetail("enabled", true).withDetail("active", active);
        if (executor != null) {
            health.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition())
                    .withDetail("waitTimeInMillis", executor.getWaitTimeInMillis());
        }
        return health.build();
    }
}
