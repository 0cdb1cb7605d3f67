package school.training.operations;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import school.training.engine.AsTheApp;

/**
 * A few figures that tell a school's IT whether work is flowing, each one count query when Prometheus asks
 * (never a listing): open tasks, running requests, jobs that failed for good and open incidents. Counted for
 * the whole school, whoever's request the scrape happens in (Camunda authorizations set aside).
 */
class TrainingGauges implements MeterBinder {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    TrainingGauges(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            IdentityService identityService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "training.tasks.open", "user tasks waiting for someone",
                () -> taskService.createTaskQuery().active().count());
        gauge(registry, "training.process.instances.running", "requests, report-backs and reviews under way",
                () -> runtimeService.createProcessInstanceQuery().active().count());
        gauge(registry, "training.jobs.failed", "timers and asynchronous steps out of retries",
                () -> managementService.createJobQuery().noRetriesLeft().count());
        gauge(registry, "training.incidents.open", "incidents the admin has to look at in Cockpit",
                () -> runtimeService.createIncidentQuery().count());
    }

    private void gauge(MeterRegistry registry, String name, String description, Supplier<Long> count) {
        Gauge.builder(name, () -> AsTheApp.call(identityService, count)).description(description)
                .strongReference(true).register(registry);
    }
}
