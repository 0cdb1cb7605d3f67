package school.training.records;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import school.training.attachments.Attachments;
import school.training.forms.FormComponent;
import school.training.forms.FormSchema;

/**
 * Writes and reads a request's records. The engine writes them (see {@link RecordEveryStep}) in the
 * transaction of the step itself, so a record exists exactly when the step happened, whichever client
 * completed it.
 */
@Component
public class RequestRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final RequestRecordRepository requests;
    private final StepRecordRepository steps;
    private final TaskHandoverRepository handovers;
    private final ApplicationEventPublisher events;
    private final Attachments attachments;
    private final EntityManager entityManager;

    RequestRecords(RequestRecordRepository requests, StepRecordRepository steps, TaskHandoverRepository handovers,
            ApplicationEventPublisher events, Attachments attachments, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.attachments = attachments;
        this.events = events;
        this.requests = requests;
        this.steps = steps;
        this.handovers = handovers;
    }

    /** A waiting step moved to someone else (or back to a group) without a decision. */
    @Transactional
    public void recordHandover(String processInstanceId, String taskId, String step, String fromUser, String toUser,
            String toGroup, String reason, String handedOverBy) {
        recordHandover(processInstanceId, taskId, step, fromUser, toUser, toGroup, reason, null, handedOverBy);
    }

    /** The same with the words of whoever handed it over (转办: {@link TaskHandover#BY_HOLDER} and her reason). */
    @Transactional
    public void recordHandover(String processInstanceId, String taskId, String step, String fromUser, String toUser,
            String toGroup, String reason, String comment, String handedOverBy) {
        handovers.save(new TaskHandover(processInstanceId, taskId, step, fromUser, toUser, toGroup, reason,
                comment == null || comment.isBlank() ? null : comment.strip(), handedOverBy,
                ClockUtil.getCurrentTime().toInstant()));
    }

    @Transactional(readOnly = true)
    public List<TaskHandover> handovers(String processInstanceId) {
        return handovers.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
    }

    /**
     * Process start listener: the applicant for good, and the facts the request started with (answered, as
     * {@link #facts(String)} would read them back).
     */
    Map<String, Object> recordStart(DelegateExecution execution) {
        String instanceId = execution.getProcessInstanceId();
        String startedBy = Context.getCommandContext().getAuthenticatedUserId();
        Object applicant = execution.getVariable("applicant");
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // a new instance's id: persist, not save, which would first look for the row
        entityManager.persist(new RequestRecord(instanceId, key, applicant == null ? null : applicant.toString(),
                startedBy, now));
        Map<String, Object> values = new LinkedHashMap<>();
        execution.getVariables().forEach((name, value) -> {
            if (storable(value)) {
                values.put(name, value);
            }
        });
        return values(steps.save(new StepRecord(instanceId, StepRecord.START, null, startedBy, now, json(values))));
    }

    /** Task listener on complete: the values of the step's own form, who and when. */
    void recordStep(DelegateTask task, FormSchema form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormComponent field : form.fields()) {
            if (!field.isEditable()) {
                continue; // shown for context only: another step's fact, not this step's decision
            }
            Object value = task.getVariable(field.getKey());
            if (value != null && storable(value)) {
                values.put(field.getKey(), value);
            }
        }
        linkFiles(task.getProcessInstanceId(), form, values);
        String by = Context.getCommandContext().getAuthenticatedUserId();
        // the decision and comment the BPMN's own complete listener (tasklist's DecisionRecorder) left on the
        // task just before, kept here so a timeline reads its records, not history variables by task id
        StepRecord step = steps.save(new StepRecord(task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                task.getId(), by != null ? by : task.getAssignee(), ClockUtil.getCurrentTime().toInstant(),
                json(values)).withDecision(task.getVariableLocal("decision"), task.getVariableLocal("comment")));
        Object title = task.getVariable("title");
        events.publishEvent(new StepDecided(step.getProcessInstanceId(), step.getStep(), step.getDecidedBy(),
                requests.findById(step.getProcessInstanceId()).map(RequestRecord::getApplicant).orElse(null),
                title == null ? null : title.toString(), step.getDecision(), step.getComment(), Map.copyOf(values)));
    }

    /**
     * The files a step's form named now belong to the request, whichever client sent them (our pages link
     * them too, a script through /engine-rest only names their ids): those who may read the request may
     * download them, and nobody names them again for another request. The engine's gate has already
     * checked they are the sender's own.
     */
    void linkFiles(String processInstanceId, FormSchema form, Map<String, Object> values) {
        for (FormComponent field : form.fields()) {
            if (FormComponent.FILEPICKER.equals(field.getType()) && values.get(field.getKey()) instanceof String ids) {
                Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                        .forEach(id -> attachments.linkTo(id, processInstanceId));
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<RequestRecord> request(String processInstanceId) {
        return requests.findById(processInstanceId);
    }

    /** The applicant fixed at the request's start. */
    @Transactional(readOnly = true)
    public Optional<String> applicant(String processInstanceId) {
        return request(processInstanceId).map(RequestRecord::getApplicant);
    }

    @Transactional(readOnly = true)
    public List<StepRecord> steps(String processInstanceId) {
        return steps.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
    }

    /** What the request's steps decided so far, the latest round of each value winning. */
    @Transactional(readOnly = true)
    public Map<String, Object> facts(String processInstanceId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (StepRecord step : steps(processInstanceId)) {
            facts.putAll(values(step));
        }
        return facts;
    }

    /** The facts of many requests in one query (the rows of one page), by request id. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Object>> facts(Collection<String> processInstanceIds) {
        Map<String, Map<String, Object>> facts = new java.util.HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return facts;
        }
        for (StepRecord step : steps.findByProcessInstanceIdInOrderByIdAsc(processInstanceIds)) {
            facts.computeIfAbsent(step.getProcessInstanceId(), id -> new LinkedHashMap<>()).putAll(values(step));
        }
        return facts;
    }

    /** The step records of many requests in one query, in the order they happened. */
    @Transactional(readOnly = true)
    public List<StepRecord> steps(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : steps.findByProcessInstanceIdInOrderByIdAsc(processInstanceIds);
    }

    /** The applicants of many requests in one query. */
    @Transactional(readOnly = true)
    public Map<String, RequestRecord> requests(Collection<String> processInstanceIds) {
        Map<String, RequestRecord> byId = new java.util.HashMap<>();
        requests.findAllById(processInstanceIds).forEach(r -> byId.put(r.getProcessInstanceId(), r));
        return byId;
    }

    /** The step records of a task (for a timeline: its decision and comment). */
    @Transactional(readOnly = true)
    public Map<String, StepRecord> stepsByTask(String processInstanceId) {
        Map<String, StepRecord> byTask = new java.util.HashMap<>();
        steps(processInstanceId).stream().filter(s -> s.getTaskId() != null).forEach(s -> byTask.put(s.getTaskId(), s));
        return byTask;
    }

    /** Some of the facts, by name (those recorded). */
    public Map<String, Object> facts(String processInstanceId, Collection<String> names) {
        Map<String, Object> all = facts(processInstanceId);
        Map<String, Object> some = new LinkedHashMap<>();
        names.stream().filter(all::containsKey).forEach(name -> some.put(name, all.get(name)));
        return some;
    }

    public Map<String, Object> values(StepRecord step) {
        try {
            return JSON.readValue(step.getValuesJson(), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable step record " + step.getId(), e);
        }
    }

    private static boolean storable(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
