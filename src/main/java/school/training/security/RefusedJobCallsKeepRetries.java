package school.training.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job execution the engine refused (someone without the right to update the job called
 * {@code POST /job/{id}/execute}) leaves the job as it was. Camunda treats the refusal like a failure of
 * the job itself and takes one of its retries: three such calls left a trip's end timer with no retries
 * and an incident, and the report-back never started. Here the failed-job handling does nothing when the
 * failure is an {@link AuthorizationException} raised outside the job executor: no retry used, no
 * exception recorded on the job. (The engine still writes a "failed" entry to the job log, which is
 * the record of the refused attempt.) The security rules already keep job commands to the admin;
 * this holds for any client that reaches the engine.
 */
@Component
public class RefusedJobCallsKeepRetries extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after init, so it wraps whatever factory the starter or the job retry configuration installed
        FailedJobCommandFactory original = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory(
                (jobId, failure) -> refused(failure) ? keepAsItWas(jobId) : original.getCommand(jobId, failure));
    }

    /** Refused by authorization, and called by a person, not by the job executor running the job. */
    static boolean refused(Throwable failure) {
        if (Context.getJobExecutorContext() != null) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Camunda's failed-job listener clears the job's failed activity before it runs this command;
     * put back what the job had, so nothing about it changes.
     */
    private static Command<Object> keepAsItWas(String jobId) {
        JobEntity before = Context.getCommandContext().getJobManager().findJobById(jobId);
        String failedActivityId = before == null ? null : before.getFailedActivityId();
        return commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                job.setFailedActivityId(failedActivityId);
            }
            return null;
        };
    }
}
