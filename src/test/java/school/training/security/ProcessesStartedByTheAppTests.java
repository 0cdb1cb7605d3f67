package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static school.training.security.EngineRest.typed;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A report-back starts when a trip ends and a term review when the office opens it: a person cannot
 * start either by hand, over /engine-rest or in Camunda's Tasklist, whatever they send.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class ProcessesStartedByTheAppTests {

    private static final String STARTED_BY_THE_APP = "只能由系统发起";

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    EngineRest rest;

    @BeforeEach
    void setUp() {
        // Camunda's REST API and webapps look the engine up in a static registry shared by test contexts
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
    }

    @Test
    void nobodyStartsAReportBackOrATermReviewByHand() {
        // given how many report-backs and term reviews ever ran
        long reportBacks = instancesOf("postStudyReport");
        long reviews = instancesOf("termReview");
        Map<String, Object> madeUp = Map.of("variables", typed(Map.of("applicant", "li.na", "title", "自己发起的汇报",
                "budgetTransport", 50000.0, "termHours", 99.0)));

        // when a teacher or a leader starts one over /engine-rest, by key, by id, or as a start form
        for (String key : new String[] { "postStudyReport", "termReview" }) {
            String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId();
            rest.post("li.na", "/engine-rest/process-definition/key/" + key + "/start", madeUp)
                    .isRefused(FORBIDDEN, key, STARTED_BY_THE_APP);
            rest.post("chen.jing", "/engine-rest/process-definition/" + id + "/start", madeUp)
                    .isRefused(FORBIDDEN, key, STARTED_BY_THE_APP);
            rest.post("li.na", "/engine-rest/process-definition/key/" + key + "/submit-form", madeUp)
                    .isRefused(FORBIDDEN, key, STARTED_BY_THE_APP);
            // Tasklist's "Start process" dialog
            rest.tasklist("zhou.tao").post("/camunda/api/engine/engine/default/process-definition/" + id + "/submit-form",
                    madeUp).isRefused(FORBIDDEN, key, STARTED_BY_THE_APP);
        }

        // then not one instance was created
        assertThat(instancesOf("postStudyReport")).isEqualTo(reportBacks);
        assertThat(instancesOf("termReview")).isEqualTo(reviews);
    }

    private long instancesOf(String key) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
    }
}
