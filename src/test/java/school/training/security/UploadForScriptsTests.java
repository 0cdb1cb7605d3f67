package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import school.training.attachments.Attachments;

/**
 * A script fills a form's file field through /engine-rest: it uploads the file to /api/attachments with HTTP
 * Basic, then sends the id. Only the uploader's own id is accepted; strangers and empty files get a reason.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class UploadForScriptsTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    Attachments attachments;

    EngineRest engine;

    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
        engine = new EngineRest(rest);
    }

    @Test
    void aTeachersScriptUploadsHerInvitationAndStartsARequestWithIt() {
        // when li.na's script uploads the invitation
        ResponseEntity<Map> uploaded = upload("li.na", "通知.pdf", "%PDF-1.4 invitation".getBytes());

        // then it is stored as hers and named as sent
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) uploaded.getBody().get("id");
        assertThat(attachments.find(id)).hasValueSatisfying(a -> {
            assertThat(a.getUploadedBy()).isEqualTo("li.na");
            assertThat(a.getFileName()).isEqualTo("通知.pdf");
        });

        // and zhou.tao cannot use her file for his request, while she can for hers
        engine.post("zhou.tao", "/engine-rest/process-definition/key/externalStudy/start", start(id))
                .isRefused(HttpStatus.BAD_REQUEST, "invitation");
        assertThat(engine.post("li.na", "/engine-rest/process-definition/key/externalStudy/start", start(id))
                .status()).isEqualTo(HttpStatus.OK);
        // and the file now belongs to that request (so those who may read it may download it), and cannot be
        // named again for another one
        assertThat(attachments.find(id).orElseThrow().getProcessInstanceId()).isNotNull();
        engine.post("li.na", "/engine-rest/process-definition/key/externalStudy/start", start(id))
                .isRefused(HttpStatus.BAD_REQUEST, "invitation");
    }

    @Test
    void aStrangerOrAnEmptyFileGetsAClearAnswerAndNothingIsStored() {
        assertThat(upload(null, "x.pdf", new byte[] { 1 }).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // (no wrong-password call here: failed logins from this one test client would throttle later tests)
        ResponseEntity<Map> empty = upload("li.na", "empty.pdf", new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) empty.getBody().get("error")).contains("non-empty file");
    }

    private ResponseEntity<Map> upload(String user, String name, byte[] content) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.postForEntity("/api/attachments", body(name, content), Map.class);
    }

    private static HttpEntity<MultiValueMap<String, Object>> body(String name, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static Map<String, Object> start(String invitation) {
        LocalDate from = LocalDate.now().plusDays(21);
        Map<String, Object> values = new java.util.HashMap<>(Map.of("title", "区级教研活动（脚本）", "organizer", "区教研室",
                "level", "county", "kind", "training", "location", "区实验小学", "outOfProvince", false, "startDate",
                from.toString(), "endDate", from.plusDays(1).toString(), "purpose", "学习单元整体教学设计。",
                "classCover", "同组老师代课"));
        values.putAll(Map.of("budgetTransport", 50.0, "budgetLodging", 0.0, "budgetFees", 100.0, "budgetOther", 0.0,
                "invitation", invitation));
        return Map.of("variables", EngineRest.typed(values));
    }
}
