package school.training.records;

import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import school.training.forms.FormSchema;

/**
 * Adds to every process a start listener and to every user task a completion listener that write
 * the request's records, so no BPMN file can forget one and no client can skip one.
 */
public class RecordEveryStep extends AbstractBpmnParseListener {

    private final Supplier<RequestRecords> records;
    private final Supplier<FormService> forms;

    /** Suppliers: the plugin registers this before Spring has built the beans it needs. */
    public RecordEveryStep(Supplier<RequestRecords> records, Supplier<FormService> forms) {
        this.records = records;
        this.forms = forms;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> records.get().recordStart(execution));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
                // the step's own form says which values are this step's decision
                FormSchema form = Context.getCommandContext().runWithoutAuthorization(
                        () -> FormSchema.parse(forms.get().getDeployedTaskForm(task.getId())));
                records.get().recordStep(task, form);
            });
        }
    }
}
