package school.training.tasklist;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;

import school.training.people.CamundaGroups;

/**
 * Who holds a waiting step, for every client. Every command a signed-in person sends that changes a
 * task's assignee — {@code POST /task/{id}/assignee}, {@code /claim}, {@code /unclaim}, an assignee
 * identity link, Camunda Tasklist's "claim" and "set assignee" — passes {@link HandOvers#check}: only the
 * holder (or the admin) moves a step, and only to someone allowed to do it. A move by its holder to
 * someone else is a 转办 and is recorded and told exactly as on our page, in the same transaction.
 * <p>
 * Why a gate around the command and not a task listener on {@code assignment}: the listener fires for
 * every assignment, the engine's own too (a task created for its assignee, a deputy receiving a task at
 * creation, the directory moving tasks after a leader changed), and from inside it one cannot tell those
 * from a person's hand-over except by guessing from the authenticated user. The gate sees exactly the
 * command the person sent, top-level, and the engine's own moves (nested commands, the app without a
 * signed-in person) pass untouched, as with {@link SubmissionGate}.
 * <p>
 * Camunda's delegation ({@code /delegate}: the owner gets the task back once the delegate resolves it) is
 * not 转办 and would end in a step nobody but the admin can finish (resolving is the admin's alone), so it
 * is refused; so are a task's owner and candidates, which decide who may do a step: the admin's.
 */
class HandOverGate extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final ObjectProvider<HandOvers> handOvers;

    HandOverGate(ProcessEngineConfigurationImpl configuration, ObjectProvider<HandOvers> handOvers) {
        this.configuration = configuration;
        this.handOvers = handOvers;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null || Context.getCommandContext() != null) {
            return next.execute(command);
        }
        boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(CamundaGroups.ADMIN);
        if (command instanceof DelegateTaskCmd && !admin) {
            throw new AuthorizationException(handOvers.getObject().text("handover.error.delegation"));
        }
        if (command instanceof ClaimTaskCmd) {
            return assigning(command, user, admin, (String) read(command, "taskId"), (String) read(command, "userId"),
                    true);
        }
        if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
            String type = (String) read(command, "type");
            if (IdentityLinkType.ASSIGNEE.equals(type)) {
                String to = command instanceof AbstractAddIdentityLinkCmd ? (String) read(command, "userId") : null;
                return assigning(command, user, admin, (String) read(command, "taskId"), to, false);
            }
            if (!admin) {
                // a task's owner (on whose behalf: 代 … 审批) and candidates (who may do the step)
                throw new AuthorizationException(handOvers.getObject().text("handover.error.candidates"));
            }
        }
        return next.execute(command);
    }

    /** The rules, the command itself and the record of a 转办, in one engine command (one transaction). */
    private <T> T assigning(Command<T> command, Authentication user, boolean admin, String taskId, String to,
            boolean claim) {
        return next.execute(context -> {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return configuration.getCommandExecutorTxRequired().execute(command); // the engine answers
            }
            String previous = task.getAssignee();
            boolean changes = !java.util.Objects.equals(previous, to)
                    // claiming a task a colleague has: Camunda's own answer (409, already claimed)
                    && !(claim && previous != null);
            HandOvers rules = handOvers.getObject();
            if (changes) {
                context.runWithoutAuthorization(() -> {
                    rules.check(task, user.getUserId(), user.getGroupIds(), admin, to);
                    return null;
                });
            }
            T result = configuration.getCommandExecutorTxRequired().execute(command);
            if (changes && HandOvers.isHandOver(previous, user.getUserId(), to)) {
                context.runWithoutAuthorization(() -> {
                    rules.recorded(task, previous != null ? previous : user.getUserId(), to, null, user.getUserId());
                    return null;
                });
            }
            return result;
        });
    }

    /** Camunda's commands keep what the client sent in protected fields without getters (as SubmissionGate reads). */
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
                + ": the engine changed; adapt HandOverGate");
    }
}
