package school.training.hearback;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.engine.AsTheApp;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.records.RequestRecords;

/**
 * Urging (催办): the applicant reminds whoever holds a step of her request that has waited longer than
 * {@code training.notifications.urge-after}, at most once a school day per request. The rules live here,
 * not in the page, and the once-a-day rule in the database's unique key as well.
 */
@Service
class Urges {

    /** Why an urge was refused: a message key of hearback*.properties. */
    static final class Refused extends RuntimeException {
        Refused(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    /** What the applicant's page offers: urge now, or why not yet. */
    enum State {
        CAN_URGE, TOO_EARLY, URGED_TODAY
    }

    private final RequestUrgeRepository urges;
    private final RequestRecords records;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Notifications notifications;
    private final Directory directory;
    private final Clock clock;
    private final Duration urgeAfter;

    Urges(RequestUrgeRepository urges, RequestRecords records, TaskService taskService,
            IdentityService identityService, Notifications notifications, Directory directory, Clock clock,
            @Value("${training.notifications.urge-after:P2D}") Duration urgeAfter) {
        this.urges = urges;
        this.records = records;
        this.taskService = taskService;
        this.identityService = identityService;
        this.notifications = notifications;
        this.directory = directory;
        this.clock = clock;
        this.urgeAfter = urgeAfter;
    }

    /** The setting in whole days, for the page's "not yet" line. */
    long urgeAfterDays() {
        return Math.max(1, urgeAfter.toDays());
    }

    boolean isApplicant(String processInstanceId, String userId) {
        return userId != null && records.applicant(processInstanceId).filter(userId::equals).isPresent();
    }

    /** Null when the request has no step waiting on someone else (ended, or waiting on the applicant herself). */
    @Transactional(readOnly = true)
    State state(String processInstanceId, String applicant) {
        List<Task> waiting = waitingOnOthers(processInstanceId, applicant);
        if (waiting.isEmpty()) {
            return null;
        }
        if (urges.existsByProcessInstanceIdAndUrgeDay(processInstanceId, today())) {
            return State.URGED_TODAY;
        }
        return overdue(waiting).isEmpty() ? State.TOO_EARLY : State.CAN_URGE;
    }

    /**
     * Tells the holders of every step that has waited too long. The row is written first and flushed: a
     * second urge the same day, even one racing this, fails on the unique key and rolls back with nobody told.
     *
     * @throws Refused when the applicant may not urge now
     */
    @Transactional
    void urge(String processInstanceId, String applicant) {
        List<Task> overdue = overdue(waitingOnOthers(processInstanceId, applicant));
        if (overdue.isEmpty()) {
            throw new Refused("hearback.urge.tooEarly");
        }
        if (urges.existsByProcessInstanceIdAndUrgeDay(processInstanceId, today())) {
            throw new Refused("hearback.urge.onceADay");
        }
        urges.saveAndFlush(new RequestUrge(processInstanceId, today(), applicant, clock.instant(),
                overdue.stream().map(Task::getTaskDefinitionKey).distinct().collect(Collectors.joining(","))));
        String name = directory.nameOf(applicant);
        String link = "/requests/" + processInstanceId;
        for (Task task : overdue) {
            long days = Duration.between(task.getCreateTime().toInstant(), clock.instant()).toDays();
            String title = task.getName() == null ? "" : task.getName();
            Object requestTitle = taskService.getVariable(task.getId(), "title");
            for (String holder : holders(task)) {
                if (!holder.equals(applicant)) {
                    notifications.notify(holder, "hearback.urged", link, name,
                            requestTitle == null ? title : requestTitle.toString(), String.valueOf(days));
                }
            }
        }
    }

    private List<Task> waitingOnOthers(String processInstanceId, String applicant) {
        return AsTheApp.call(identityService, () -> taskService.createTaskQuery().processInstanceId(processInstanceId)
                .active().list()).stream().filter(task -> !applicant.equals(task.getAssignee())).toList();
    }

    private List<Task> overdue(List<Task> waiting) {
        return waiting.stream().filter(task -> !task.getCreateTime().toInstant().plus(urgeAfter)
                .isAfter(clock.instant())).toList();
    }

    /** Whoever holds the task: its assignee, or else its candidate users and the members of its candidate groups. */
    private Set<String> holders(Task task) {
        if (task.getAssignee() != null) {
            return Set.of(task.getAssignee());
        }
        return AsTheApp.call(identityService, () -> {
            Set<String> people = new LinkedHashSet<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    people.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
                            .map(User::getId).forEach(people::add);
                }
            }
            return people;
        });
    }

    private LocalDate today() {
        // the JVM's default zone is the school's (training.time-zone, see engine's SchoolTimeZone)
        return LocalDate.now(clock);
    }
}
