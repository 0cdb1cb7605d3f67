package school.training.forms;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
    private final Map<String, VersionForms> versions = new ConcurrentHashMap<>();

    /**
     * Which forms a process version uses: its start events' and its user tasks' {@code camunda:formRef}s (task
     * key to form id), and the deployment they came with.
     */
    public record VersionForms(String deploymentId, List<String> startForms, Map<String, String> taskForms) {
    }

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

    /**
     * The forms of this process version, read from its model once: a version never changes, and its model and
     * definition through the engine cost a statement on every page that shows a request's documents.
     */
    public VersionForms ofVersion(String processDefinitionId) {
        return versions.computeIfAbsent(processDefinitionId, id -> {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
            List<String> starts = model.getModelElementsByType(StartEvent.class).stream()
                    .map(StartEvent::getCamundaFormRef).filter(Objects::nonNull).toList();
            Map<String, String> steps = new HashMap<>();
            model.getModelElementsByType(UserTask.class).stream().filter(task -> task.getCamundaFormRef() != null)
                    .forEach(task -> steps.put(task.getId(), task.getCamundaFormRef()));
            return new VersionForms(repositoryService.getProcessDefinition(id).getDeploymentId(), starts,
                    Map.copyOf(steps));
        });
    }

    /** The form with this {@code "id"} from the newest deployment that contains it. */
    public Optional<FormSchema> byFormId(String formId) {
        if (formId == null || formId.isBlank()) {
            return Optional.empty();
        }
        for (Deployment deployment : repositoryService.createDeploymentQuery()
                .orderByDeploymentTime().desc().list()) {
            Optional<FormSchema> schema = inDeployment(deployment.getId(), formId);
            if (schema.isPresent()) {
                return schema;
            }
        }
        return Optional.empty();
    }

    /**
     * The form with this {@code "id"} as deployed with a process version (a request shows the forms it was asked
     * with, not a later version's); from the newest deployment when that one has none of the id.
     */
    public Optional<FormSchema> byFormId(String formId, String deploymentId) {
        if (formId == null || formId.isBlank()) {
            return Optional.empty();
        }
        Optional<FormSchema> own = inDeployment(deploymentId, formId);
        return own.isPresent() ? own : byFormId(formId);
    }

    private Optional<FormSchema> inDeployment(String deploymentId, String formId) {
        for (String resource : resourceNames.computeIfAbsent(deploymentId,
                repositoryService::getDeploymentResourceNames)) {
            if (!resource.endsWith(FORM_SUFFIX)) {
                continue;
            }
            FormSchema schema = byResource.computeIfAbsent(deploymentId + "/" + resource,
                    k -> parse(deploymentId, resource));
            if (formId.equals(schema.getId())) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    private FormSchema parse(String deploymentId, String resource) {
        InputStream json = repositoryService.getResourceAsStream(deploymentId, resource);
        return FormSchema.parse(json);
    }
}
