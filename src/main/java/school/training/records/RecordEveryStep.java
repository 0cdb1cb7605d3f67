package school.training.records;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import school.training.forms.FormSchema;

/**
 * Adds to every process a start listener and to every user task a completion listener that write
 * the request's records, so no BPMN file can forget one and no client can skip one. The same
 * listeners keep the request's read model ({@link RequestOverviews}) current: start, task create,
 * complete and delete, the waits of intermediate events, the end event reached and the process end.
 */
public class RecordEveryStep extends AbstractBpmnParseListener {

    private final Supplier<RequestRecords> records;
    private final Supplier<FormService> forms;
    private final Supplier<RequestOverviews> overviews;
    /** Parsed forms by process definition id (start) or definition id and step; deployed forms never change. */
    private final Map<String, Optional<FormSchema>> deployedForms = new ConcurrentHashMap<>();

    /** Suppliers: the plugin registers this before Spring has built the beans it needs. */
    public RecordEveryStep(Supplier<RequestRecords> records, Supplier<FormService> forms,
            Supplier<RequestOverviews> overviews) {
        this.records = records;
        this.forms = forms;
        this.overviews = overviews;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> {
                    records.get().recordStart(execution);
                    startForm(execution.getProcessDefinitionId()).ifPresent(form -> records.get()
                            .linkFiles(execution.getProcessInstanceId(), form, execution.getVariables()));
                    overviews.get().started(execution);
                });
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            // deleted (withdrawn by the office, cancelled): no end event counts
            boolean deleted = ((ExecutionEntity) execution).isCanceled();
            overviews.get().ended(execution.getProcessInstanceId(), deleted);
        });
    }

    /** The process's start form, if a person starts it (a report-back or a term review has none). */
    private Optional<FormSchema> startForm(String processDefinitionId) {
        return deployedForms.computeIfAbsent(processDefinitionId, key -> Context.getCommandContext()
                .runWithoutAuthorization(() -> {
            FormService formService = forms.get();
            if (formService.getStartFormData(processDefinitionId).getCamundaFormRef() == null) {
                return Optional.<FormSchema>empty();
            }
            return Optional.of(FormSchema.parse(formService.getDeployedStartForm(processDefinitionId)));
        }));
    }

    @Override
    public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
        // the last end event reached is how the request ended (a reminder's end inside an event
        // subprocess is followed by the real one)
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> overviews.get()
                .reachedEnd(execution.getProcessInstanceId(), activity.getId()));
    }

    @Override
    public void parseIntermediateCatchEvent(Element catchEventElement, ScopeImpl scope, ActivityImpl activity) {
        // a wait such as the trip's end (tripEnds) is a step the dashboard lists
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> overviews.get()
                .opened(execution.getProcessInstanceId(), activity.getId(), null));
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> overviews.get()
                .closed(execution.getProcessInstanceId(), activity.getId(), false));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
                // the step's own form says which values are this step's decision (a deployed process's forms
                // never change: read once per process version and step)
                FormSchema form = deployedForms.computeIfAbsent(task.getProcessDefinitionId() + "#"
                        + task.getTaskDefinitionKey(), key -> Optional.of(Context.getCommandContext()
                                .runWithoutAuthorization(() -> FormSchema.parse(forms.get()
                                        .getDeployedTaskForm(task.getId()))))).orElseThrow();
                records.get().recordStep(task, form);
                overviews.get().closed(task.getProcessInstanceId(), task.getTaskDefinitionKey(), true);
            });
            userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                    task -> overviews.get().taskCreated(task));
            userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_DELETE,
                    task -> overviews.get().closed(task.getProcessInstanceId(), task.getTaskDefinitionKey(), false));
        }
    }
}
