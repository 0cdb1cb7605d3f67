package school.training.tasklist;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.records.RequestRecords;
import school.training.records.TaskHandover;

/**
 * 转办: whoever holds a waiting step — its assignee, or for a step offered to a group and not yet taken, a
 * candidate — passes it to another person allowed to do that step, with a reason. The step then waits for
 * that person, the request's timeline says "转办 A → B: reason" and the new holder is told.
 * <p>
 * Allowed to do a step: the people the process offers it to — its candidate users, the members of its
 * candidate groups, and the person its assignee expression names today (the applicant's group leader) —
 * never the applicant (nobody approves their own request; the applicant's own steps cannot be handed over
 * at all) and only people still at school.
 * <p>
 * The same rules hold for every client: our task page runs {@link #handOver} as one engine command, and
 * {@link HandOverGate} checks every assignment Camunda's Tasklist or a script sends through the engine
 * API ({@code /assignee}, {@code /claim}, {@code /unclaim}, an assignee identity link) against
 * {@link #check} and records a hand-over by its holder here too, in the same transaction.
 */
@Component
public class HandOvers {

    static final String NOT_HOLDER = "handover.error.notHolder";
    static final String NOT_ALLOWED = "handover.error.notAllowed";
    static final String APPLICANTS_STEP = "handover.error.applicantsStep";
    static final String NOBODY_LEFT = "handover.error.nobodyLeft";
    static final String REASON_MISSING = "handover.error.reasonMissing";
    static final String REASON_TOO_LONG = "handover.error.reasonTooLong";
    static final String NOBODY_CHOSEN = "handover.error.nobodyChosen";
    static final String NOTICE = "handover.notice";
    static final String NOTICE_BY_API = "handover.noticeWithoutReason";
    static final int MAX_REASON = 1000;

    /** A task assigned with this expression is the applicant's own step (revise, check in, report). */
    private static final String APPLICANTS_OWN_STEP = "${applicant}";

    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identityService;
    private final RequestRecords records;
    private final Directory directory;
    private final Notifications notifications;
    private final MessageSource messages;

    HandOvers(ProcessEngineConfigurationImpl engine, IdentityService identityService, RequestRecords records,
            Directory directory, Notifications notifications, MessageSource messages) {
        this.engine = engine;
        this.identityService = identityService;
        this.records = records;
        this.directory = directory;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A hand-over the rules refuse: 400 over the engine API, a message beside the picker on our page. */
    public static class Refused extends BadUserRequestException {
        private static final long serialVersionUID = 1L;
        private final String messageKey;

        Refused(String message, String messageKey) {
            super(message);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * What the task page offers the person holding it: whom she may hand it over to (the allowed people but the
     * holder), and whether she may give it back to its group (she took a task offered to one of hers).
     */
    public record Offer(List<Person> handOverTo, boolean giveBack) {
        static final Offer NONE = new Offer(List.of(), false);
    }

    /**
     * The task page's {@link Offer}, from one read of the task and its candidates: the task as {@link Inbox#workable}
     * read them, or read here.
     */
    public Offer offer(Task read, CurrentUser user) {
        return inCommand(context -> {
            TaskEntity task = read instanceof TaskEntity entity ? entity
                    : context.getTaskManager().findTaskById(read.getId());
            if (task == null || !holds(task, user.id(), user.groups())) {
                return Offer.NONE;
            }
            boolean giveBack = task.getAssignee() != null && isCandidate(task, user.id(), user.groups());
            Set<String> allowed = allowed(task);
            allowed.remove(user.id());
            if (task.getAssignee() != null) {
                allowed.remove(task.getAssignee());
            }
            return new Offer(directory.findAll(allowed).stream().filter(Person::isActive)
                    .sorted(java.util.Comparator.comparing(Person::getId)).toList(), giveBack);
        });
    }

    /**
     * Our page's 转办, as one engine command in the person's name: the rules, the new assignee, the timeline
     * line and the new holder's notification happen together or not at all.
     *
     * @throws Refused when the rules refuse it (nothing changed)
     * @throws org.camunda.bpm.engine.ProcessEngineException when the task ended or changed meanwhile
     */
    public void handOver(String taskId, CurrentUser by, String to, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (to == null || to.isBlank()) {
            throw refused(NOBODY_CHOSEN);
        }
        if (why.isEmpty()) {
            throw refused(REASON_MISSING);
        }
        if (why.length() > MAX_REASON) {
            throw refused(REASON_TOO_LONG, "", String.valueOf(MAX_REASON));
        }
        identityService.setAuthentication(by.id(), by.groups());
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    throw new NullValueException("Cannot find task " + taskId);
                }
                String from = task.getAssignee();
                context.runWithoutAuthorization(() -> {
                    check(task, by.id(), by.groups(), false, to);
                    return null;
                });
                // Camunda's own check too: the holder may update her task
                engine.getTaskService().setAssignee(taskId, to);
                recorded(task, from != null ? from : by.id(), to, why, by.id());
                return null;
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The rules of any change of a waiting step's assignee by a person (run inside the engine command,
     * without authorization checks): only its holder (the admin too) moves it, only to someone allowed to
     * do the step; back to nobody only when a group can take it again.
     *
     * @throws AuthorizationException when the caller does not hold the task
     * @throws TaskAlreadyClaimedException when a colleague took the group's task a moment ago
     * @throws Refused when the new assignee may not do this step
     */
    void check(TaskEntity task, String caller, Collection<String> callerGroups, boolean admin, String to) {
        if (!admin && !holds(task, caller, callerGroups)) {
            if (task.getAssignee() != null && isCandidate(task, caller, callerGroups)) {
                throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
            }
            throw new AuthorizationException(text(NOT_HOLDER));
        }
        if (applicantsOwnStep(task)) {
            throw refused(APPLICANTS_STEP);
        }
        if (to == null) {
            if (candidateLinks(task).isEmpty()) {
                // nobody could see or take it again: a step assigned by the process stays with a person
                throw refused(NOBODY_LEFT);
            }
            return;
        }
        if (!allowed(task).contains(to)) {
            throw refused(NOT_ALLOWED, directory.nameOf(to));
        }
    }

    /** Does this change of assignee pass the step on from its holder to someone else (a 转办 to record)? */
    static boolean isHandOver(String previous, String caller, String to) {
        return to != null && !to.equals(caller) && !to.equals(previous);
    }

    /** The timeline line and the new holder's notification, in the engine command's transaction. */
    void recorded(TaskEntity task, String from, String to, String reason, String by) {
        records.recordHandover(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), from, to, null,
                TaskHandover.BY_HOLDER, reason, by);
        // who, the request's title and the reason: people's own words, right in either language
        notifications.notify(to, reason == null ? NOTICE_BY_API : NOTICE, "/tasks/" + task.getId(),
                directory.nameOf(by), titleOf(task), reason == null ? "" : reason);
    }

    private static String titleOf(TaskEntity task) {
        Object title = task.getExecution() == null ? null : task.getExecution().getVariable("title");
        return title == null ? "" : title.toString();
    }

    /** The people allowed to do this step now (see the class comment), the current holder included. */
    Set<String> allowed(TaskEntity task) {
        Set<String> people = new LinkedHashSet<>();
        if (applicantsOwnStep(task)) {
            return people;
        }
        String named = evaluate(task.getTaskDefinition() == null ? null
                : task.getTaskDefinition().getAssigneeExpression(), task.getExecution());
        if (named != null) {
            people.add(named);
        }
        for (IdentityLinkEntity link : candidateLinks(task)) {
            if (link.getUserId() != null) {
                people.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                for (User member : identityService.createUserQuery().memberOfGroup(link.getGroupId()).list()) {
                    people.add(member.getId());
                }
            }
        }
        records.applicant(task.getProcessInstanceId()).ifPresent(people::remove);
        Object applicant = task.getExecution() == null ? null : task.getExecution().getVariable("applicant");
        if (applicant != null) {
            people.remove(applicant.toString());
        }
        people.removeIf(id -> directory.find(id).map(person -> !person.isActive()).orElse(true));
        return people;
    }

    private static boolean holds(TaskEntity task, String user, Collection<String> groups) {
        return task.getAssignee() != null ? task.getAssignee().equals(user) : isCandidate(task, user, groups);
    }

    static boolean isCandidate(TaskEntity task, String user, Collection<String> groups) {
        return candidateLinks(task).stream().anyMatch(link -> user.equals(link.getUserId())
                || (link.getGroupId() != null && groups != null && groups.contains(link.getGroupId())));
    }

    private static List<IdentityLinkEntity> candidateLinks(TaskEntity task) {
        return task.getIdentityLinks().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .toList();
    }

    private static boolean applicantsOwnStep(TaskEntity task) {
        Expression assignee = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getAssigneeExpression();
        return assignee != null && APPLICANTS_OWN_STEP.equals(assignee.getExpressionText());
    }

    private static String evaluate(Expression expression, ExecutionEntity execution) {
        if (expression == null || execution == null) {
            return null;
        }
        try {
            Object value = expression.getValue(execution);
            return value == null || value.toString().isBlank() ? null : value.toString();
        } catch (RuntimeException nobody) {
            return null; // e.g. a group without a leader: then only the candidates may do it
        }
    }

    private Refused refused(String key, Object... args) {
        return new Refused(text(key, args), key);
    }

    /** Chinese first, then English: a script's author may read either. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE) + " — "
                + messages.getMessage(key, args, key, Locale.ENGLISH);
    }

    private <T> T inCommand(java.util.function.Function<CommandContext, T> work) {
        if (Context.getCommandContext() != null) {
            return work.apply(Context.getCommandContext());
        }
        return engine.getCommandExecutorTxRequired().execute(context -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return work.apply(context);
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}
