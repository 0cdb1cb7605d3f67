package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

class DeployedFormsTests {

    private final RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    private final FormService formService = mock(FormService.class);
    private final DeployedForms forms = new DeployedForms(repository, formService);

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
