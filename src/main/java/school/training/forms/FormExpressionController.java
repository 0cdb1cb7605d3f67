package school.training.forms;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live values of expression fields while a form is filled in (forms.js). Only a preview: the
 * submitted values are computed again by {@link FormSubmissions}.
 */
@RestController
class FormExpressionController {

    private final DeployedForms forms;
    private final FormSubmissions submissions;

    FormExpressionController(DeployedForms forms, FormSubmissions submissions) {
        this.forms = forms;
        this.submissions = submissions;
    }

    @PostMapping(path = "/forms/expressions", produces = "application/json")
    ResponseEntity<Map<String, Object>> evaluate(@RequestParam String formId, HttpServletRequest request) {
        return forms.byFormId(formId)
                .map(schema -> ResponseEntity.ok(submissions.evaluateLeniently(schema, request.getParameterMap())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
