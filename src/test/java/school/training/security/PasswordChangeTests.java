package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/**
 * Everyone changes their own password on {@code /account/password}, and only their own: the current password
 * first (a wrong one changes nothing and counts as a failed login), the same rules as the first-run step.
 * Each test registers its own people, so the demo accounts other test classes log in with stay as they are.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class PasswordChangeTests {

    private static final String DESK = "198.51.100.41";
    private static final String OLD = "Chushi-mima-1";
    private static final String NEW = "Xin-mima-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    LoginThrottle throttle;

    WebFixtures web;
    String teacher;
    String colleague;

    @BeforeEach
    void registerTwoTeachers() {
        web = new WebFixtures(identityService);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        teacher = "pw.teacher." + suffix;
        colleague = "pw.colleague." + suffix;
        directory.register(teacher, "测试教师", Role.TEACHER, "chinese", "语文", OLD);
        directory.register(colleague, "测试同事", Role.TEACHER, "chinese", "语文", OLD);
    }

    @AfterEach
    void forget() {
        throttle.unlockAccount(teacher);
        throttle.unlockAccount(colleague);
        throttle.unlockClient(DESK);
    }

    @Test
    void theHeaderLinksToThePageWhichChangesTheSignedInPersonsPassword() throws Exception {
        String page = mvc.perform(get("/account/password").with(web.as(teacher))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"nav-password\"").contains("name=\"current\"").contains("name=\"_csrf\"");
        mvc.perform(get("/account/password")).andExpect(redirectedUrl("http://localhost/login"));

        String changed = change(teacher, OLD, NEW, NEW).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(changed).contains("id=\"password-changed\"");
        assertThat(identityService.checkPassword(teacher, NEW)).isTrue();
        assertThat(identityService.checkPassword(teacher, OLD)).isFalse();
        login(teacher, NEW).andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndCountsAsAFailedLogin() throws Exception {
        String page = change(teacher, "Falsch-123456", NEW, NEW).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("当前密码不正确，密码没有修改。").doesNotContain("id=\"password-changed\"");
        assertThat(identityService.checkPassword(teacher, OLD)).isTrue();
        assertThat(throttle.accounts()).anyMatch(t -> t.key().equals(teacher) && t.failures() == 1);
        assertThat(throttle.clients()).anyMatch(t -> t.key().equals(DESK));
    }

    @Test
    void weakNewPasswordsAreRefusedAndChangeNothing() throws Exception {
        assertThat(body(change(teacher, OLD, "Ab1", "Ab1"))).contains("新密码至少需要 10 个字符。");
        assertThat(body(change(teacher, OLD, "onlyletters", "onlyletters"))).contains("至少两类");
        assertThat(body(change(teacher, OLD, teacher + "-9", teacher + "-9"))).contains("新密码不能包含用户名。");
        assertThat(body(change(teacher, OLD, NEW, NEW + "!"))).contains("两次输入的新密码不一致。");
        assertThat(body(change(teacher, OLD, OLD, OLD))).contains("新密码不能与当前密码相同。");
        mvc.perform(post("/account/password").with(web.as(teacher)).param("current", OLD).param("password", NEW)
                .param("repeated", NEW)).andExpect(status().isForbidden());
        assertThat(identityService.checkPassword(teacher, OLD)).isTrue();
    }

    @Test
    void aTeacherCannotChangeSomeoneElsesPassword() throws Exception {
        // whatever names the request carries, only the signed-in person's password is checked and changed
        String page = body(mvc.perform(post("/account/password").with(csrf()).with(web.as(teacher)).with(from(DESK))
                .param("userId", colleague).param("username", colleague).param("current", OLD)
                .param("password", NEW).param("repeated", NEW)));
        assertThat(page).contains("id=\"password-changed\"");
        assertThat(identityService.checkPassword(colleague, OLD)).as("the colleague's password").isTrue();
        assertThat(identityService.checkPassword(teacher, NEW)).isTrue();
        // and the colleague's current password does not open the teacher's account
        assertThat(body(change(teacher, OLD, "Noch-ein-2026", "Noch-ein-2026")))
                .contains("当前密码不正确");
        assertThat(identityService.checkPassword(teacher, NEW)).isTrue();
    }

    private ResultActions change(String userId, String current, String password, String repeated) throws Exception {
        return mvc.perform(post("/account/password").with(csrf()).with(web.as(userId)).with(from(DESK))
                .param("current", current).param("password", password).param("repeated", repeated));
    }

    private ResultActions login(String userId, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(DESK)).param("username", userId)
                .param("password", password));
    }

    private static String body(ResultActions answer) throws Exception {
        return answer.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
