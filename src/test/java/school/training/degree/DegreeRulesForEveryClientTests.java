package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static school.training.degree.DegreeProcess.SUBMIT_COMPLETION;
import static school.training.degree.DegreeProcess.VERIFY_CERTIFICATE;
import static school.training.security.EngineRest.NOT_IN_FORM;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;

import school.training.attachments.Attachments;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.security.EngineRest;

/**
 * A degree applicant reporting completion over /engine-rest reports what the form asks, and cannot
 * raise the target the school approved: the recorded degree rises to what was approved.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class DegreeRulesForEveryClientTests {

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    Attachments attachments;

    EngineRest rest;
    DegreeApplications applications;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
        rest = new EngineRest(template);
        applications = new DegreeApplications(identityService, runtimeService, taskService);
    }

    @Test
    void anApplicantReportingCompletionCannotRaiseTheApprovedTargetDegree() {
        // given a teacher with a college degree, approved for a bachelor's, now reporting completion
        String teacher = DegreeApplications.freshTeacher(directory);
        String start = LocalDate.now().minusYears(2).toString();
        ProcessInstance application = applications.studying(teacher, Map.of("startDate", start));
        String completion = applications.task(application, SUBMIT_COMPLETION).getId();
        Map<String, Object> completed = Map.of("completionStatus", "completed", "certificate", certificate(teacher),
                "graduationDate", LocalDate.now().minusDays(30).toString());

        // when he sends his completion with a master's as the target
        rest.complete(teacher, completion, with(completed, "targetDegree", "master"))
                .isRefused(BAD_REQUEST, "targetDegree", NOT_IN_FORM);

        // nor with a graduation date before the study began (issue 14's walkthrough)
        rest.complete(teacher, completion, with(completed, "graduationDate",
                LocalDate.parse(start).minusDays(1).toString())).isRefused(BAD_REQUEST, "graduationDate");

        // then the approved target is unchanged and his completion is still due
        assertThat(runtimeService.getVariable(application.getId(), "targetDegree")).isEqualTo("bachelor");
        assertThat(applications.task(application, SUBMIT_COMPLETION).getId()).isEqualTo(completion);

        // when he sends it as the form asks and the office verifies the certificate
        rest.complete(teacher, completion, completed).isNoContent();
        rest.complete("zhao.min", applications.task(application, VERIFY_CERTIFICATE).getId(),
                Map.of("verifyDecision", "approve")).isNoContent();

        // then his recorded degree rises to the approved bachelor's, not higher
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.BACHELOR);
    }

    private String certificate(String teacher) {
        // files come in through our pages (Camunda's REST API has no upload into the app's store)
        return attachments.store(new MockMultipartFile("certificate", "毕业证书.pdf", "application/pdf",
                new byte[] { 1, 2, 3 }), teacher).getId();
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(values);
        changed.put(key, value);
        return changed;
    }
}
