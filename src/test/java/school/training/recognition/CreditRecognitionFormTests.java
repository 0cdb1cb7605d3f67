package school.training.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import school.training.people.Directory;
import school.training.tasklist.WebFixtures;

/**
 * A teacher starts a claim from our pages (the home page offers it); what breaks the rules is refused
 * beside its field with what was typed kept: a certificate claimed before, a training not yet ended.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CreditRecognitionFormTests {

    private static final String START_URL = "/requests/new/creditRecognition";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;

    WebFixtures web;
    String teacher;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
        teacher = Claims.freshTeacher(directory);
    }

    @Test
    void theHomePageOffersItAndTheFormAsksForTheCertificate() throws Exception {
        String home = mvc.perform(get("/").with(web.as(teacher))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("id=\"start-creditRecognition\"", "学时认定申请");

        String form = mvc.perform(get(START_URL).with(web.as(teacher))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("证书编号", "学时证书", "申请认定学时", "网络培训");
    }

    @Test
    void aClaimStartsFromThePageAndTheSameCertificateIsRefusedBesideItsNumber() throws Exception {
        Map<String, String> fields = fields(Claims.uniqueNumber());
        MvcResult started = mvc.perform(start(fields).with(web.as(teacher))).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).as(started.getResponse().getContentAsString())
                .startsWith("/requests/");

        String colleague = Claims.freshTeacher(directory);
        fields.put("course", "同一证书再交一次");
        String page = mvc.perform(start(fields).with(web.as(colleague))).andExpect(status().isUnprocessableEntity()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("id=\"err-certificateNumber\"", "同一证书只能认定一次", "同一证书再交一次");
    }

    @Test
    void aTrainingNotYetEndedIsRefused() throws Exception {
        Map<String, String> fields = fields(Claims.uniqueNumber());
        fields.put("endDate", LocalDate.now().plusDays(5).toString());

        String page = mvc.perform(start(fields).with(web.as(teacher))).andExpect(status().isUnprocessableEntity()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("id=\"err-endDate\"", "结束日期不能晚于今天");
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    school.training.ledger.TrainingLedger ledger;

    @Test
    void theRequestPageShowsTheHoursAndThatTheCapCutThem() throws Exception {
        // given 25 online hours in 2026 already: the cap of 30 leaves room for 5
        ledger.credit(teacher, LocalDate.of(2026, 2, 1), school.training.ledger.Category.ONLINE,
                new java.math.BigDecimal("25"), "早先的网络研修", "test", teacher);
        Claims claims = new Claims(runtimeService, taskService, managementService);
        var claim = claims.start(teacher);
        claims.recognise(claim, 12.0, null);

        String page = mvc.perform(get("/requests/" + claim.getId()).with(web.as(teacher))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"recognition-hours\"", "办公室认定学时", "计入台账学时", "id=\"cap-applied\"",
                "每年最多认定 30 学时");
        assertThat(page.substring(page.indexOf("id=\"hours-credited\""))).startsWith("id=\"hours-credited\">5");
    }

    private static Map<String, String> fields(String number) {
        Map<String, String> fields = new LinkedHashMap<>();
        Claims.claim(number).forEach((key, value) -> fields.put(key, value.toString()));
        return fields;
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder start(
            Map<String, String> fields) {
        var request = multipart(START_URL).file(new MockMultipartFile("hoursCertificate", "学时证书.pdf",
                "application/pdf", "%PDF-1.4 certificate".getBytes()));
        fields.forEach(request::param);
        request.with(csrf());
        return request;
    }
}
