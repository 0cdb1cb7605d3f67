package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

class DeployedFormsTests {

    private final RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    private final FormService formService = mock(FormService.class, RETURNS_DEEP_STUBS);
    private final TaskService taskService = mock(TaskService.class, RETURNS_DEEP_STUBS);
    private final DeployedForms forms = new DeployedForms(repository, formService, taskService);

    private static ByteArrayInputStream json(String id) {
        return new ByteArrayInputStream(("{\"id\":\"" + id + "\",\"components\":[]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startFormOfTheLatestDefinitionIsParsedOnce() {
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getId()).thenReturn("externalStudy:3:abc");
        when(repository.createProcessDefinitionQuery().processDefinitionKey("externalStudy").latestVersion()
                .singleResult()).thenReturn(definition);
        when(formService.getDeployedStartForm("externalStudy:3:abc")).thenReturn(json("externalStudy-request"));

        assertThat(forms.startForm("externalStudy").getId()).isEqualTo("externalStudy-request");
        assertThat(forms.startForm("externalStudy").getId()).isEqualTo("externalStudy-request");
        verify(formService, times(1)).getDeployedStartForm("externalStudy:3:abc");
    }

    @Test
    void aTasksFormIsResolvedOncePerProcessVersionAndStep() {
        Task first = task("t1", "externalStudy:3:abc", "leaderReview");
        Task second = task("t2", "externalStudy:3:abc", "leaderReview");
        Task otherStep = task("t3", "externalStudy:3:abc", "officeRegistration");
        when(formService.getDeployedTaskForm("t1")).thenReturn(json("externalStudy-leaderReview"));
        when(formService.getDeployedTaskForm("t3")).thenReturn(json("externalStudy-officeRegistration"));

        assertThat(forms.taskForm(first).getId()).isEqualTo("externalStudy-leaderReview");
        assertThat(forms.taskForm(second).getId()).isEqualTo("externalStudy-leaderReview");
        assertThat(forms.taskForm(otherStep).getId()).isEqualTo("externalStudy-officeRegistration");
        verify(formService, times(1)).getDeployedTaskForm("t1");
        verify(formService, never()).getDeployedTaskForm("t2");
    }

    @Test
    void aProcessStartedByTheAppHasNoStartForm() {
        when(formService.getStartFormData("postStudyReport:1:x").getCamundaFormRef()).thenReturn(null);

        assertThat(forms.startFormOf("postStudyReport:1:x")).isEmpty();
        verify(formService, never()).getDeployedStartForm("postStudyReport:1:x");
    }

    private static Task task(String id, String definitionId, String key) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        when(task.getProcessDefinitionId()).thenReturn(definitionId);
        when(task.getTaskDefinitionKey()).thenReturn(key);
        return task;
    }

    @Test
    void byFormIdSearchesTheNewestDeploymentFirst() {
        Deployment newer = mock(Deployment.class);
        when(newer.getId()).thenReturn("d2");
        Deployment older = mock(Deployment.class);
        when(older.getId()).thenReturn("d1");
        DeploymentQuery query = mock(DeploymentQuery.class);
        when(repository.createDeploymentQuery()).thenReturn(query);
        when(query.orderByDeploymentTime()).thenReturn(query);
        when(query.desc()).thenReturn(query);
        when(query.list()).thenReturn(List.of(newer, older));
        when(repository.getDeploymentResourceNames("d2")).thenReturn(List.of("processes/a.bpmn", "forms/other.form"));
        when(repository.getDeploymentResourceNames("d1")).thenReturn(List.of("forms/request.form"));
        when(repository.getResourceAsStream("d2", "forms/other.form")).thenReturn(json("other"));
        when(repository.getResourceAsStream("d1", "forms/request.form")).thenReturn(json("externalStudy-request"));

        assertThat(forms.byFormId("externalStudy-request")).map(FormSchema::getId).hasValue("externalStudy-request");
        assertThat(forms.byFormId("missing")).isEmpty();
    }
}
