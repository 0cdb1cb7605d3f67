package school.training.tasklist;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.springframework.beans.factory.ObjectProvider;

import school.training.people.CamundaGroups;

/**
 * The one gate every engine command of a signed-in person passes, whichever client sent it. Starts
 * and completions are checked against the deployed form and the process's rules before they run;
 * commands that would change a request's facts, its course or its jobs behind its forms (setting
 * variables, modification, restart, migration, messages, job commands) are refused unless the
 * caller is the admin. Commands run by the app itself (no authenticated user) and commands nested
 * in a running command pass: their rules are the process's own steps.
 */
class SubmissionGate extends CommandInterceptor {

    private static final List<Class<?>> ADMIN_ONLY = List.of(AbstractSetVariableCmd.class,
            AbstractPatchVariablesCmd.class, AbstractRemoveVariableCmd.class, ModifyProcessInstanceCmd.class,
            ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
            ProcessInstanceModificationBatchCmd.class, AbstractProcessInstanceModificationCommand.class,
            StartProcessInstanceAtActivitiesCmd.class, AbstractRestartProcessInstanceCmd.class,
            MigrateProcessInstanceCmd.class, AbstractCorrelateMessageCmd.class, MessageEventReceivedCmd.class,
            SignalCmd.class, SignalEventReceivedCmd.class, ExecuteJobsCmd.class, SetJobRetriesCmd.class,
            AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
            SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, AbstractSetJobStateCmd.class,
            AbstractSetJobDefinitionStateCmd.class, DeleteJobCmd.class, UnlockJobCmd.class,
            // a BPMN error or escalation thrown from a user task sets any variables and, caught nowhere,
            // ends the step without its form: a leader could end a request at his review
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            // a task's deadline is the process's (an overdue report stays overdue); resolving a delegated
            // task sets variables without the form
            SaveTaskCmd.class, SetTaskDueDateCmd.class, SetTaskNameCmd.class, SetTaskDescriptionCmd.class,
            ResolveTaskCmd.class);

    private final ProcessEngineConfigurationImpl configuration;
    private final ObjectProvider<SubmissionCheck> check;
    private final ObjectProvider<LostRaces> races;

    SubmissionGate(ProcessEngineConfigurationImpl configuration, ObjectProvider<SubmissionCheck> check,
            ObjectProvider<LostRaces> races) {
        this.configuration = configuration;
        this.check = check;
        this.races = races;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null || Context.getCommandContext() != null
                || isAdmin(user)) {
            return next.execute(command);
        }
        if (command instanceof FailedJobListener) {
            // Camunda records every failed POST /job/{id}/execute as a failure of the job, one retry less,
            // even when this gate refused it before it ran (ExecuteJobHelper); only the admin executes
            // jobs, so for anyone else this is the aftermath of a refusal and the job stays as it was
            return null;
        }
        for (Class<?> refused : ADMIN_ONLY) {
            if (refused.isInstance(command)) {
                throw new AuthorizationException("Only the administrator may do this directly ("
                        + command.getClass().getSimpleName() + "); requests change only through their forms");
            }
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = (String) read(command, "taskId");
            Map<String, Object> sent = variables(command,
                    command instanceof CompleteTaskCmd ? "variables" : "properties");
            Runnable completionRules = () -> check.getObject().completion(user, taskId, sent);
            try {
                try {
                    inOwnCommand(completionRules);
                } catch (RuleViolation | OptimisticLockingException | TaskAlreadyClaimedException
                        | AuthorizationException e) {
                    throw e;
                } catch (RuntimeException readWhileAColleagueCompleted) {
                    // the check read the task before and its execution after a colleague's completion
                    // committed: read again; a task gone by now is answered below as a lost race
                    inOwnCommand(completionRules);
                }
                return next.execute(command);
            } catch (RuleViolation | OptimisticLockingException | TaskAlreadyClaimedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw lostRace(taskId, user, e);
            }
        } else if (command instanceof StartProcessInstanceCmd) {
            var builder = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
            inOwnCommand(() -> check.getObject().start(user, builder.getProcessDefinitionId(),
                    builder.getProcessDefinitionKey(), builder.getVariables()));
        } else if (command instanceof SubmitStartFormCmd) {
            String definitionId = (String) read(command, "processDefinitionId");
            Map<String, Object> sent = variables(command, "variables");
            inOwnCommand(() -> check.getObject().start(user, definitionId, null, sent));
        }
        return next.execute(command);
    }

    /**
     * A completion that failed because a colleague (or the person's other tab) completed or took the task
     * meanwhile fails in many ways — the task not found, its authorizations gone (403), even a
     * NullPointerException inside the engine when its execution went first. Every client already
     * answers an {@link OptimisticLockingException} with "已由他人办理" (409 over REST); anything else
     * stays as it was.
     */
    private RuntimeException lostRace(String taskId, Authentication user, RuntimeException failure) {
        if (!races.getObject().lostBy(taskId, user.getUserId(), user.getGroupIds())) {
            return failure;
        }
        return new OptimisticLockingException("已由他人办理 — task " + taskId
                + " was completed or taken by someone else a moment ago", failure);
    }

    private void inOwnCommand(Runnable checks) {
        // its own short command, without authorization: the check reads the task, its form and the
        // request's values whatever the caller may read; the real command still checks the caller
        configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                checks.run();
            } finally {
                context.enableAuthorizationCheck();
            }
            return null;
        });
    }

    private static boolean isAdmin(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(CamundaGroups.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Object command, String field) {
        Object value = read(command, field);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /**
     * Camunda's commands keep what the client sent in protected fields without getters; reading them
     * is the only way to see exactly which variables this call tries to set.
     */
    private static Object read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new ProcessEngineException("Cannot read " + name + " of " + command.getClass(), e);
            }
        }
        throw new ProcessEngineException("No field " + name + " in " + command.getClass()
                + ": the engine changed; adapt SubmissionGate");
    }
}
