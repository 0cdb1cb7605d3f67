package school.training.records;

import java.util.Map;
import java.util.function.Supplier;

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

import school.training.forms.DeployedForms;
import school.training.forms.FormSchema;

/**
 * Adds to every process a start listener and to every user task a completion listener that write
 * the request's records, so no BPMN file can forget one and no client can skip one. The same
 * listeners keep the request's read model ({@link RequestOverviews}) current: start, task create,
 * complete and delete, the waits of intermediate events, the end event reached and the process end.
 */
public class RecordEveryStep extends AbstractBpmnParseListener {

    private final Supplier<RequestRecords> records;
    /** Parsed once per process version (and step): deployed forms never change. */
    private final Supplier<DeployedForms> forms;
    private final Supplier<RequestOverviews> overviews;

    /** Suppliers: the plugin registers this before Spring has built the beans it needs. */
    public RecordEveryStep(Supplier<RequestRecords> records, Supplier<DeployedForms> forms,
            Supplier<RequestOverviews> overviews) {
        this.records = records;
        this.forms = forms;
        this.overviews = overviews;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> {
                    Map<String, Object> startFacts = records.get().recordStart(execution);
                    // the process's start form, if a person starts it (a report-back or a term review has none);
                    // read as the engine, whoever started it
                    Context.getCommandContext().runWithoutAuthorization(() -> forms.get()
                            .startFormOf(execution.getProcessDefinitionId()))
                            .ifPresent(form -> records.get().linkFiles(execution.getProcessInstanceId(), form,
                                    execution.getVariables()));
                    overviews.get().started(execution, startFacts);
                });
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            // deleted (withdrawn by the office, cancelled): no end event counts
            boolean deleted = ((ExecutionEntity) execution).isCanceled();
            overviews.get().ended(execution.getProcessInstanceId(), deleted);
        });
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
                // the step's own form says which values are this step's decision
                FormSchema form = Context.getCommandContext().runWithoutAuthorization(() -> forms.get()
                        .taskForm(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId()));
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
