package school.training.forms;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

class FormExpressionControllerTests {

    private final DeployedForms forms = mock(DeployedForms.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() throws IOException {
        when(forms.byFormId(anyString())).thenReturn(Optional.empty());
        when(forms.byFormId("externalStudy-request")).thenReturn(Optional.of(FormSchemaTests.load("request")));
        FormSubmissions submissions = new FormSubmissions(new FormExpressions(), DataSize.ofMegabytes(10));
        mvc = MockMvcBuilders.standaloneSetup(new FormExpressionController(forms, submissions)).build();
    }

    @Test
    void computesExpressionsIgnoringInvalidInput() throws Exception {
        mvc.perform(post("/forms/expressions").param("formId", "externalStudy-request")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("budgetTransport=100&budgetLodging=200.5&budgetFees=abc&budgetOther=50&title=x"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.budgetTotal").value(350.5));
    }

    @Test
    void unknownFormIsNotFound() throws Exception {
        mvc.perform(post("/forms/expressions").param("formId", "nope"))
            .andExpect(status().isNotFound());
    }
}
