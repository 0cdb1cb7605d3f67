package school.training.forms;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The form schemas deployed to Camunda with the processes. Parsed schemas are cached: a
 * deployment never changes, so (definition id) and (deployment id, resource) are stable keys.
 */
@Component
public class DeployedForms {

    private static final String FORM_SUFFIX = ".form";

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final Map<String, FormSchema> byDefinition = new ConcurrentHashMap<>();
    private final Map<String, FormSchema> byResource = new ConcurrentHashMap<>();
    private final Map<String, Optional<FormSchema>> startForms = new ConcurrentHashMap<>();
    /** A deployment's resource names: its contents never change, only new deployments come. */
    private final Map<String, List<String>> resourceNames = new ConcurrentHashMap<>();
    private final TaskService taskService;

    public DeployedForms(RepositoryService repositoryService, FormService formService, TaskService taskService) {
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.taskService = taskService;
    }

    /** The start form of the latest version of a process (its {@code camunda:formRef}). */
    public FormSchema startForm(String processDefinitionKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey)
                .latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalArgumentException("No process definition " + processDefinitionKey);
        }
        return byDefinition.computeIfAbsent(definition.getId(),
                id -> FormSchema.parse(formService.getDeployedStartForm(id)));
    }

    /** The form of a task (one query for the task, then as {@link #taskForm(Task)}). */
    public FormSchema taskForm(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? FormSchema.parse(formService.getDeployedTaskForm(taskId)) : taskForm(task);
    }

    /**
     * The form of a task, cached by its process version and step: with {@code formRefBinding="deployment"}
     * a step's form is the one deployed beside that process version, which never changes. Resolving it
     * through the engine costs five statements a time (task, execution, definition, form definition,
     * resource), on every page of a task and every completion.
     */
    public FormSchema taskForm(Task task) {
        return taskForm(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId());
    }

    /** As {@link #taskForm(Task)}, for a task known by its parts (an engine listener's task). */
    public FormSchema taskForm(String processDefinitionId, String taskDefinitionKey, String taskId) {
        return byDefinition.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
                key -> FormSchema.parse(formService.getDeployedTaskForm(taskId)));
    }

    /** The start form of this process version, cached; a process without one (started by the app) has none. */
    public Optional<FormSchema> startFormOf(String processDefinitionId) {
        return startForms.computeIfAbsent(processDefinitionId, id -> formService.getStartFormData(id)
                .getCamundaFormRef() == null ? Optional.empty()
                        : Optional.of(FormSchema.parse(formService.getDeployedStartForm(id))));
    }

    /** The form with this {@code "id"} from the newest deployment that contains it. */
    public Optional<FormSchema> byFormId(String formId) {
        if (formId == null || formId.isBlank()) {
            return Optional.empty();
        }
        for (Deployment deployment : repositoryService.createDeploymentQuery()
                .orderByDeploymentTime().desc().list()) {
            for (String resource : resourceNames.computeIfAbsent(deployment.getId(),
                    repositoryService::getDeploymentResourceNames)) {
                if (!resource.endsWith(FORM_SUFFIX)) {
                    continue;
                }
                FormSchema schema = byResource.computeIfAbsent(deployment.getId() + "/" + resource,
                        k -> parse(deployment.getId(), resource));
                if (formId.equals(schema.getId())) {
                    return Optional.of(schema);
                }
            }
        }
        return Optional.empty();
    }

    private FormSchema parse(String deploymentId, String resource) {
        InputStream json = repositoryService.getResourceAsStream(deploymentId, resource);
        return FormSchema.parse(json);
    }
}
