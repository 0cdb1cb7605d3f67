package school.training.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static school.training.recognition.CreditRecognitionProcess.LEADER_CHECK;
import static school.training.recognition.CreditRecognitionProcess.OFFICE_RECOGNITION;
import static school.training.recognition.CreditRecognitionProcess.REVISE_CLAIM;
import static school.training.security.EngineRest.NOT_IN_FORM;
import static school.training.security.EngineRest.typed;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
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
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.security.EngineRest;

/**
 * A school's script on /engine-rest (HTTP Basic) passes the same rules as our pages: a certificate is
 * claimed once, a teacher cannot name the hours recognised, and the office recognises at most the hours
 * claimed, fewer only with a reason.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CreditRecognitionRulesForEveryClientTests {

    private static final String START = "/engine-rest/process-definition/key/creditRecognition/start";

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Directory directory;
    @Autowired
    Attachments attachments;
    @Autowired
    TrainingLedger ledger;

    EngineRest rest;
    Claims claims;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
        rest = new EngineRest(template);
        claims = new Claims(runtimeService, taskService, managementService);
    }

    @Test
    void aClaimOverRestGoesAllTheWayToTheLedger() {
        // given a teacher's claim sent by a script, as the form asks
        String teacher = Claims.freshTeacher(directory);
        Map<String, Object> started = rest.post(teacher, START, Map.of("variables", typed(claim(teacher,
                Claims.uniqueNumber())))).object();
        ProcessInstance claim = runtimeService.createProcessInstanceQuery().processInstanceId((String) started.get("id"))
                .singleResult();

        // when the leader returns it without a reason, it is refused beside the comment
        String check = claims.task(claim, LEADER_CHECK).getId();
        rest.complete("sun.wei", check, Map.of("leaderCheckDecision", "revise"))
                .isRefused(BAD_REQUEST, "leaderCheckComment", "理由");
        rest.complete("sun.wei", check, Map.of("leaderCheckDecision", "approve")).isNoContent();

        // when the office recognises more than claimed, or fewer without a reason: refused
        String recognition = claims.task(claim, OFFICE_RECOGNITION).getId();
        rest.complete("zhao.min", recognition, Map.of("officeRecognitionDecision", "approve", "recognisedHours", 13.0))
                .isRefused(BAD_REQUEST, "recognisedHours", "12");
        rest.complete("zhao.min", recognition, Map.of("officeRecognitionDecision", "approve", "recognisedHours", 10.0))
                .isRefused(BAD_REQUEST, "officeRecognitionComment");
        rest.complete("zhao.min", recognition, Map.of("officeRecognitionDecision", "approve", "recognisedHours", 10.0,
                "officeRecognitionComment", "2 学时为重复课程")).isNoContent();
        claims.credit(claim);

        // then the ledger has the 10 hours the office recognised
        assertThat(ledger.entriesOf(teacher)).singleElement()
                .satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo("10"));
    }

    @Test
    void aCertificateClaimedBeforeIsRefusedAtSubmitOverRest() {
        // given a certificate another teacher has claimed
        String number = Claims.uniqueNumber();
        claims.start(Claims.freshTeacher(directory), Map.of("certificateNumber", number));
        String teacher = Claims.freshTeacher(directory);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("creditRecognition").count();

        // when a second teacher claims it (written in lower case) over /engine-rest
        rest.post(teacher, START, Map.of("variables", typed(claim(teacher, number.toLowerCase()))))
                .isRefused(BAD_REQUEST, "certificateNumber", "同一证书只能认定一次");

        // then no claim was made
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("creditRecognition").count())
                .isEqualTo(before);
    }

    @Test
    void aTeacherCannotSetTheHoursRecognised() {
        String teacher = Claims.freshTeacher(directory);

        // not when claiming
        Map<String, Object> withHours = claim(teacher, Claims.uniqueNumber());
        withHours.put("recognisedHours", 12.0);
        rest.post(teacher, START, Map.of("variables", typed(withHours)))
                .isRefused(BAD_REQUEST, "recognisedHours", NOT_IN_FORM);

        // nor when revising a returned claim
        ProcessInstance claim = claims.start(teacher);
        claims.complete(claim, LEADER_CHECK, Map.of("leaderCheckDecision", "revise", "leaderCheckComment", "请补充"));
        rest.complete(teacher, claims.task(claim, REVISE_CLAIM).getId(), Map.of("course", "补充后的课程名",
                "recognisedHours", 12.0, "officeRecognitionDecision", "approve"))
                .isRefused(BAD_REQUEST, "recognisedHours", NOT_IN_FORM);
        assertThat(runtimeService.getVariable(claim.getId(), "recognisedHours")).isNull();
        assertThat(runtimeService.getActiveActivityIds(claim.getId())).containsExactly(REVISE_CLAIM);
    }

    private Map<String, Object> claim(String teacher, String number) {
        Map<String, Object> claim = new HashMap<>(Claims.claim(number));
        // files come in through our pages (Camunda's REST API has no upload into the app's store)
        claim.put("hoursCertificate", attachments.store(new MockMultipartFile("hoursCertificate", "学时证书.pdf",
                "application/pdf", new byte[] { 1, 2, 3 }), teacher).getId());
        return claim;
    }
}
