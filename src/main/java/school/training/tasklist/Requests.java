package school.training.tasklist;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import school.training.forms.DeployedForms;
import school.training.forms.FormSchema;
import school.training.people.Directory;
import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.records.RequestRecord;
import school.training.records.RequestRecords;
import school.training.records.StepRecord;
import school.training.records.TaskHandover;
import school.training.web.CountedPage;

/** Read side of requests: my requests with their status, one request's variables and its timeline. */
@Service
public class Requests {

    /** The steps a timeline shows; gateways and service tasks are plumbing, not events a person cares about. */
    private static final Set<String> TIMELINE_TYPES = Set.of("startEvent", "userTask", "noneEndEvent",
            "intermediateTimer", "boundaryMessage", "boundaryTimer");

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final Directory directory;
    private final DeployedForms forms;
    private final RequestRecords records;
    private final RequestOverviews overviews;
    private final LatestProcessVersions latest;
    private final Map<String, String> versionNames = new java.util.concurrent.ConcurrentHashMap<>();

    Requests(HistoryService historyService, RuntimeService runtimeService, RepositoryService repositoryService,
            Directory directory, DeployedForms forms, RequestRecords records, RequestOverviews overviews,
            LatestProcessVersions latest) {
        this.overviews = overviews;
        this.latest = latest;
        this.forms = forms;
        this.records = records;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.directory = directory;
    }

    /** Rows on one page of "my requests". */
    public static final int PAGE_SIZE = 50;

    /** One page of a person's requests and how many there are in all. */
    public record Page(List<RequestSummary> rows, long total, int page, int size) implements CountedPage {
    }

    /**
     * A person's requests, newest first, including those the school started for them (e.g. the
     * report-back after a trip): one indexed query of the read model and one count.
     */
    public Page ofApplicant(String userId, int page) {
        org.springframework.data.domain.Page<RequestOverview> found = overviews.ofApplicant(userId,
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
        Map<String, String> names = found.isEmpty() ? Map.of() : processNames();
        return new Page(found.getContent().stream().map(o -> summary(o, names)).toList(), found.getTotalElements(),
                found.getNumber(), PAGE_SIZE);
    }

    /** The first {@code max} of a person's requests, newest first. */
    public List<RequestSummary> ofApplicant(String userId, int page, int max) {
        Map<String, String> names = processNames();
        return overviews.ofApplicant(userId, PageRequest.of(page, max)).getContent().stream()
                .map(o -> summary(o, names)).toList();
    }

    public Optional<RequestSummary> find(String processInstanceId) {
        return find(processInstanceId, null);
    }

    /**
     * As {@link #find(String)}, for a page that knows the request's process version (a task's, or the one
     * {@link #versionOf} read): its name comes from that version, read once per version, instead of from a query
     * of every process's latest version.
     */
    public Optional<RequestSummary> find(String processInstanceId, String processDefinitionId) {
        Optional<RequestOverview> overview = overviews.get(processInstanceId);
        if (overview.isPresent()) {
            return Optional.of(summary(overview.get(), processDefinitionId == null ? processNames()
                    : Map.of(overview.get().getProcessKey(), nameOfVersion(processDefinitionId))));
        }
        // not in the read model yet (filled at start-up): as the engine's history has it
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? Optional.empty() : Optional.of(summaries(List.of(instance)).get(0));
    }

    private RequestSummary summary(RequestOverview o, Map<String, String> processNames) {
        String name = processNames.getOrDefault(o.getProcessKey(), o.getProcessKey());
        return new RequestSummary(o.getProcessInstanceId(), o.getProcessKey(), name,
                o.getTitle() != null ? o.getTitle() : name, o.getApplicant(), o.getApplicantName(),
                Date.from(o.getStartedAt()), o.getEndedAt() == null ? null : Date.from(o.getEndedAt()), o.getStatus());
    }

    /** The request's process version (its definition id), from the engine's history; none for an unknown id. */
    public Optional<String> versionOf(String processInstanceId) {
        return Optional.ofNullable(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult()).map(HistoricProcessInstance::getProcessDefinitionId);
    }

    /**
     * As {@link #versionOf(String)}, from the request's tasks ({@link #tasksOf}) when it has any: the version its
     * latest step was made by (a request moved to a newer version moves its open steps with it).
     */
    public Optional<String> versionOf(String processInstanceId, List<HistoricTaskInstance> tasks) {
        return tasks.stream().max(java.util.Comparator.comparing(HistoricTaskInstance::getStartTime))
                .map(HistoricTaskInstance::getProcessDefinitionId).or(() -> versionOf(processInstanceId));
    }

    /** A process version's name (its key when it has none): a version never changes. */
    private String nameOfVersion(String processDefinitionId) {
        return versionNames.computeIfAbsent(processDefinitionId, id -> {
            var definition = repositoryService.getProcessDefinition(id);
            return definition.getName() == null ? definition.getKey() : definition.getName();
        });
    }

    /** Process key to the name of its latest version (kept a few seconds: {@link LatestProcessVersions}). */
    private Map<String, String> processNames() {
        return latest.names();
    }

    private List<RequestSummary> summaries(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Object> titles = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).variableName("title").list()
                .stream().filter(v -> v.getTaskId() == null)
                .forEach(v -> titles.put(v.getProcessInstanceId(), v.getValue()));
        Map<String, String> applicants = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).variableName("applicant").list()
                .stream().filter(v -> v.getTaskId() == null)
                .forEach(v -> applicants.put(v.getProcessInstanceId(), (String) v.getValue()));
        List<RequestSummary> result = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            String state = instance.getEndTime() != null ? instance.getEndActivityId()
                    : runtimeService.getActiveActivityIds(instance.getId()).stream().findFirst().orElse("running");
            String processName = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getName();
            result.add(new RequestSummary(instance.getId(), instance.getProcessDefinitionKey(), processName,
                    String.valueOf(titles.getOrDefault(instance.getId(), instance.getProcessDefinitionName())),
                    applicants.get(instance.getId()), directory.nameOf(applicants.get(instance.getId())),
                    instance.getStartTime(), instance.getEndTime(), state));
        }
        return result;
    }

    /**
     * The forms that make up a request, to show read-only: its start form, then the forms of the tasks
     * its applicant completed (a report-back has no start form; its content is the teacher's report).
     */
    public List<FormSchema> documents(String processInstanceId) {
        return documents(processInstanceId, variables(processInstanceId).getOrDefault("applicant", "").toString());
    }

    /** As {@link #documents(String)}, for a caller that knows the applicant (one query fewer). */
    public List<FormSchema> documents(String processInstanceId, String applicant) {
        if (applicant == null) {
            return documents(processInstanceId);
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return documents(processInstanceId, instance.getProcessDefinitionId(), applicant);
    }

    /** As {@link #documents(String, String)}, for a caller that knows the request's process definition (a task's). */
    public List<FormSchema> documents(String processInstanceId, String processDefinitionId, String applicant) {
        if (applicant == null) {
            return documents(processInstanceId);
        }
        return documents(processInstanceId, processDefinitionId, applicant, historyService
                .createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished()
                .taskAssignee(applicant).list());
    }

    /**
     * As {@link #documents(String, String, String)}, from the request's historic tasks a page has read already
     * ({@link #tasksOf}; the same list serves its {@link #timeline(String, List) timeline}).
     */
    public List<FormSchema> documents(String processInstanceId, String processDefinitionId, String applicant,
            List<HistoricTaskInstance> tasks) {
        DeployedForms.VersionForms version = forms.ofVersion(processDefinitionId);
        Set<String> formIds = new LinkedHashSet<>(version.startForms());
        tasks.stream().filter(task -> task.getEndTime() != null && applicant.equals(task.getAssignee()))
                .sorted(java.util.Comparator.comparing(HistoricTaskInstance::getStartTime))
                .map(task -> version.taskForms().get(task.getTaskDefinitionKey())).filter(Objects::nonNull)
                .forEach(formIds::add);
        return formIds.stream().map(id -> forms.byFormId(id, version.deploymentId())).flatMap(Optional::stream)
                .toList();
    }

    /** The request's tasks in the engine's history, finished or not: one query for its documents and timeline. */
    public List<HistoricTaskInstance> tasksOf(String processInstanceId) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list();
    }

    /** The request's process variables (not task-local ones), as they stand now or stood at its end. */
    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            if (variable.getTaskId() == null && variable.getValue() != null) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    public List<TimelineEntry> timeline(String processInstanceId) {
        return timeline(processInstanceId, tasksOf(processInstanceId));
    }

    /** As {@link #timeline(String)}, from the request's historic tasks ({@link #tasksOf}) a page has read already. */
    public List<TimelineEntry> timeline(String processInstanceId, List<HistoricTaskInstance> tasks) {
        List<HistoricActivityInstance> steps = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(step -> TIMELINE_TYPES.contains(step.getActivityType())).toList();
        Map<String, StepRecord> recorded = records.stepsByTask(processInstanceId);
        Map<String, Map<String, Object>> taskLocals = decisions(recorded, steps);
        Map<String, String> owners = new HashMap<>();
        tasks.stream().filter(task -> task.getOwner() != null)
                .forEach(task -> owners.put(task.getId(), task.getOwner()));
        // who started it, as the engine noted it (both take the command's authenticated user): from the request's
        // record, which the page has usually read already, else from the engine's history
        String starter = records.request(processInstanceId).map(RequestRecord::getStartedBy)
                .orElseGet(() -> historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(processInstanceId).singleResult().getStartUserId());
        // who did each step, first, so that everyone the timeline names is looked up in one query
        Map<String, String> whoDid = new HashMap<>();
        Map<String, String> onBehalfOf = new HashMap<>();
        for (HistoricActivityInstance step : steps) {
            String who = "startEvent".equals(step.getActivityType()) ? starter : decider(step, recorded);
            String owner = step.getTaskId() == null ? null : owners.get(step.getTaskId());
            if (who != null) {
                whoDid.put(step.getId(), who);
            }
            if (owner != null && who != null && !owner.equals(who)) {
                onBehalfOf.put(step.getId(), owner);
            }
        }
        List<TaskHandover> handovers = records.handovers(processInstanceId);
        Set<String> people = new HashSet<>(whoDid.values());
        people.addAll(onBehalfOf.values());
        handovers.forEach(handover -> {
            people.add(handover.getToUser());
            people.add(handover.getFromUser());
        });
        Map<String, String> names = directory.namesOf(people);
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricActivityInstance step : steps) {
            String who = whoDid.get(step.getId());
            Map<String, Object> locals = taskLocals.getOrDefault(step.getTaskId(), Map.of());
            boolean waiting = step.getEndTime() == null;
            String owner = onBehalfOf.get(step.getId());
            entries.add(new TimelineEntry(step.getActivityId(), step.getActivityName(), step.getActivityType(), who,
                    who == null ? null : names.get(who), step.getStartTime(), step.getEndTime(),
                    locals.get(DecisionRecorder.DECISION), locals.get(DecisionRecorder.COMMENT), waiting,
                    waiting && step.getTaskId() != null ? candidatesOf(step) : null, owner,
                    owner == null ? null : names.get(owner)));
        }
        for (TaskHandover handover : handovers) {
            Date at = Date.from(handover.getHandedOverAt());
            int position = entries.size();
            while (position > 0 && entries.get(position - 1).started().after(at)) {
                position--;
            }
            entries.add(position, new TimelineEntry(handover.getStep(), null, TimelineEntry.HANDOVER,
                    handover.getToUser(), handover.getToUser() == null ? null : names.get(handover.getToUser()),
                    at, at, null, handover.getComment(), false, handover.getToGroup(), null, null,
                    names.get(handover.getFromUser()),
                    handover.getReason()));
        }
        return entries;
    }

    /**
     * Who decided a step: the person its record names (whoever completed it, through any client), else the engine's
     * assignee of the step (a waiting step's holder; a step older than the records).
     */
    private static String decider(HistoricActivityInstance step, Map<String, StepRecord> recorded) {
        StepRecord record = step.getTaskId() == null ? null : recorded.get(step.getTaskId());
        return record != null && record.getDecidedBy() != null ? record.getDecidedBy() : step.getAssignee();
    }

    /** Task id to its owner: the person a deputy holds or held the task for. */
    /**
     * Each completed task's decision and comment, as its step record kept them (one query by request);
     * only steps recorded before the records kept them are looked up in the engine's history.
     */
    private Map<String, Map<String, Object>> decisions(Map<String, StepRecord> recorded,
            List<HistoricActivityInstance> steps) {
        Map<String, Map<String, Object>> decisions = new HashMap<>();
        List<String> older = new ArrayList<>();
        for (HistoricActivityInstance step : steps) {
            if (step.getTaskId() == null || step.getEndTime() == null) {
                continue;
            }
            StepRecord record = recorded.get(step.getTaskId());
            if (record == null && !recorded.isEmpty()) {
                continue; // ended without a decision (deleted when the request was withdrawn)
            }
            if (record != null && record.isDecisionKept()) {
                Map<String, Object> values = new HashMap<>();
                values.put(DecisionRecorder.DECISION, record.getDecision());
                values.put(DecisionRecorder.COMMENT, record.getComment());
                decisions.put(step.getTaskId(), values);
            } else {
                older.add(step.getTaskId());
            }
        }
        if (!older.isEmpty()) {
            historyService.createHistoricVariableInstanceQuery().taskIdIn(older.toArray(String[]::new)).list()
                    .forEach(v -> decisions.computeIfAbsent(v.getTaskId(), id -> new HashMap<>()).put(v.getName(),
                            v.getValue()));
        }
        return decisions;
    }

    /**
     * The groups a waiting, unclaimed task is offered to, comma-separated (e.g. "office"): from the step's history
     * (its assignee, and the candidate links as they were added and taken away), one indexed query instead of the
     * task and its links through the engine's command (task, links, execution, definition).
     */
    private String candidatesOf(HistoricActivityInstance step) {
        if (step.getAssignee() != null) {
            return null;
        }
        Set<String> groups = new LinkedHashSet<>();
        historyService.createHistoricIdentityLinkLogQuery().taskId(step.getTaskId()).type(IdentityLinkType.CANDIDATE)
                .orderByTime().asc().list().stream().filter(link -> link.getGroupId() != null).forEach(link -> {
                    if (HistoryEventTypes.IDENTITY_LINK_DELETE.getEventName().equals(link.getOperationType())) {
                        groups.remove(link.getGroupId());
                    } else {
                        groups.add(link.getGroupId());
                    }
                });
        return String.join(",", groups);
    }
}
