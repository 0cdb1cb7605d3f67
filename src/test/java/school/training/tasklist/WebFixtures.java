package school.training.tasklist;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Shared by the MockMvc tests: signs people in the way the app does (authorities {@code GROUP_<id>}
 * from Camunda's identity tables) and fills in a valid outside-study request.
 */
public final class WebFixtures {

    public static final String START_URL = "/requests/new/externalStudy";

    private final IdentityService identityService;

    public WebFixtures(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The authentication CamundaIdentityAuthenticationProvider builds after a good password. */
    public RequestPostProcessor as(String userId) {
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
    }

    /** Start form fields of a short, cheap, municipal trip that the leader alone approves. */
    public static Map<String, String> validFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "市级语文教研活动观摩");
        fields.put("organizer", "市教育局教研室");
        fields.put("level", "municipal");
        fields.put("kind", "training");
        fields.put("location", "市第一中学");
        fields.put("startDate", LocalDate.now().plusDays(10).toString());
        fields.put("endDate", LocalDate.now().plusDays(11).toString());
        fields.put("purpose", "学习新课标下的阅读教学方法，回校后在组内分享。");
        fields.put("classCover", "王老师代课");
        fields.put("budgetTransport", "120.5");
        fields.put("budgetLodging", "300");
        fields.put("budgetFees", "0");
        fields.put("budgetOther", "20.25");
        return fields;
    }

    public static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("invitation", name, "application/pdf", "%PDF-1.4 invitation".getBytes());
    }

    public static MockMultipartHttpServletRequestBuilder startForm(Map<String, String> fields,
            MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart(START_URL);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        fields.forEach((key, value) -> request.param(key, value));
        request.with(csrf());
        return request;
    }

    /** Submits a valid request as this person and answers the new process instance id. */
    public String submitRequest(MockMvc mvc, String userId) throws Exception {
        MvcResult result = mvc.perform(startForm(validFields(), pdf("邀请函.pdf")).with(as(userId))).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (result.getResponse().getStatus() != 302 || location == null || !location.startsWith("/requests/")) {
            throw new AssertionError("request not started: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return location.substring("/requests/".length());
    }
}
