package school.training.deputies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import school.training.engine.AsTheApp;
import school.training.engine.NewTask;
import school.training.people.CamundaGroups;

/**
 * Moves tasks between a person and their deputy. A task handed over keeps the person as Camunda's
 * task owner: that is how the timeline says "代 陈静 审批" and how the tasks find their way back.
 * Never moved: the applicant's own steps (revising, reporting back) and the steps of a request the
 * deputy made themselves — nobody approves their own request, so those stay with the person.
 */
@Component
class TaskHandOver {

    static final String APPLICANT = "applicant";

    private final DeputyshipRepository deputyships;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;

    TaskHandOver(DeputyshipRepository deputyships, TaskService taskService, RuntimeService runtimeService,
            IdentityService identityService, Clock clock) {
        this.deputyships = deputyships;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.clock = clock;
    }

    Optional<Deputyship> activeFor(String personId, LocalDate day) {
        return personId == null ? Optional.empty() : deputyships.activeFor(personId, day).stream().findFirst();
    }

    /** Create listener of every user task: a new task for someone away goes to their deputy. */
    void routeNew(DelegateTask task) {
        LocalDate today = LocalDate.now(clock);
        String applicant = (String) NewTask.variable(task, APPLICANT);
        String assignee = task.getAssignee();
        if (assignee != null) {
            deputyFor(assignee, applicant, today).ifPresent(deputy -> {
                task.setOwner(assignee);
                task.setAssignee(deputy);
            });
        } else if (offeredToPrincipal(task)) {
            // the principal's group has one member in a school; the task is hers, so her deputy's while away
            soleMemberOf(CamundaGroups.PRINCIPAL).ifPresent(principal -> deputyFor(principal, applicant, today)
                    .ifPresent(deputy -> {
                        task.setOwner(principal);
                        task.setAssignee(deputy);
                    }));
        }
    }

    /** The person's open tasks (their own steps and the deputy's requests excepted) go to the deputy. */
    void handOverExisting(Deputyship deputyship) {
        AsTheApp.run(identityService, () -> {
            String person = deputyship.getPersonId();
            List<Task> open = taskService.createTaskQuery().taskAssignee(person).active().list();
            for (Task task : open) {
                if (movable(task, person, deputyship.getDeputyId())) {
                    taskService.setOwner(task.getId(), person);
                    taskService.setAssignee(task.getId(), deputyship.getDeputyId());
                }
            }
            if (soleMemberOfPrincipal(person)) {
                for (Task task : taskService.createTaskQuery().taskCandidateGroup(CamundaGroups.PRINCIPAL)
                        .taskUnassigned().active().list()) {
                    if (movable(task, person, deputyship.getDeputyId())) {
                        taskService.setOwner(task.getId(), person);
                        taskService.setAssignee(task.getId(), deputyship.getDeputyId());
                    }
                }
            }
        });
    }

    /** What the deputy still holds on the person's behalf goes back to the person. */
    void giveBack(Deputyship deputyship) {
        AsTheApp.run(identityService, () -> {
            for (Task task : taskService.createTaskQuery().taskOwner(deputyship.getPersonId())
                    .taskAssignee(deputyship.getDeputyId()).list()) {
                taskService.setAssignee(task.getId(), deputyship.getPersonId());
                // the owner marks "held for"; removing that link is the engine's way to clear it
                taskService.deleteUserIdentityLink(task.getId(), deputyship.getPersonId(), IdentityLinkType.OWNER);
            }
        });
    }

    private Optional<String> deputyFor(String person, String applicant, LocalDate today) {
        if (person.equals(applicant)) {
            return Optional.empty(); // the applicant's own step: revising, checking in, reporting back
        }
        return activeFor(person, today).map(Deputyship::getDeputyId).filter(deputy -> !deputy.equals(applicant));
    }

    private boolean movable(Task task, String person, String deputy) {
        Object applicant = runtimeService.getVariable(task.getExecutionId(), APPLICANT);
        return applicant != null && !person.equals(applicant) && !deputy.equals(applicant);
    }

    private static boolean offeredToPrincipal(DelegateTask task) {
        return task.getCandidates().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && CamundaGroups.PRINCIPAL.equals(link.getGroupId()));
    }

    private boolean soleMemberOfPrincipal(String person) {
        return soleMemberOf(CamundaGroups.PRINCIPAL).filter(person::equals).isPresent();
    }

    private Optional<String> soleMemberOf(String group) {
        Supplier<List<User>> members = () -> identityService.createUserQuery().memberOfGroup(group).listPage(0, 2);
        List<User> found = Context.getCommandContext() != null
                ? Context.getCommandContext().runWithoutAuthorization(members::get)
                : members.get();
        return found.size() == 1 ? Optional.of(found.get(0).getId()) : Optional.empty();
    }
}
