package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * A school's first start without the demo profile: no account exists, the login page sends IT to
 * {@code /setup}, which creates exactly one administrator (weak passwords refused, two posts at once give
 * one) and is gone afterwards. Its own context (profile "test" only, a fresh in-memory database), thrown
 * away after the class; the tests run in order because they share that database.
 */
@SpringBootTest(properties = "training.test.context=first-run")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupTests {

    static final String GOOD = "Xiaoyuan-2026!";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    FirstAdministrator firstAdministrator;

    @Test
    @Order(1)
    void withoutAnAdministratorTheLoginPageSendsToSetupWhichAsksForOne() throws Exception {
        assertThat(identityService.createUserQuery().count()).as("no built-in account").isZero();
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/")).andExpect(redirectedUrl("http://localhost/login"));
        String page = mvc.perform(get("/setup")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("首次设置").contains("name=\"userId\"").contains("name=\"_csrf\"");
        assertThat(mvc.perform(get("/setup").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("First run: create the administrator");
    }

    @Test
    @Order(2)
    void weakPasswordsAndBadIdsAreRefusedWithTheReasonAndCreateNothing() throws Exception {
        assertRefused(setup("wang.it", "王老师", "short1!", "short1!"), "新密码至少需要 10 个字符。");
        assertRefused(setup("wang.it", "王老师", "abcdefghijkl", "abcdefghijkl"), "至少两类");
        assertRefused(setup("wang.it", "王老师", "1234567890123", "1234567890123"), "至少两类");
        assertRefused(setup("wang.it", "王老师", "Wang.IT-2026x", "Wang.IT-2026x"), "新密码不能包含用户名。");
        assertRefused(setup("wang.it", "王老师", GOOD, GOOD + "x"), "两次输入的新密码不一致。");
        assertRefused(setup("wang it", "王老师", GOOD, GOOD), "用户名只能使用字母、数字");
        assertRefused(setup("wang.it", "  ", GOOD, GOOD), "请填写姓名。");
        // without the CSRF token: refused before anything is looked at
        mvc.perform(post("/setup").param("userId", "wang.it").param("name", "王老师").param("password", GOOD)
                .param("repeated", GOOD)).andExpect(status().isForbidden());
        assertThat(identityService.createUserQuery().count()).isZero();
        assertThat(directory.count()).isZero();
        mvc.perform(get("/setup")).andExpect(status().isOk());
    }

    @Test
    @Order(3)
    void twoSetupsAtOnceCreateOneAdministratorWhoCanLogIn() throws Exception {
        int posts = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < posts; i++) {
                String id = "it" + i;
                Callable<String> post = () -> {
                    start.await();
                    var response = setup(id, "信息中心 " + id, GOOD, GOOD).andReturn().getResponse();
                    return response.getStatus() + " " + response.getRedirectedUrl();
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }
            assertThat(Collections.frequency(results, "302 /login?setup")).as(results.toString()).isEqualTo(1);
            assertThat(Collections.frequency(results, "404 null")).as(results.toString()).isEqualTo(posts - 1);
        } finally {
            pool.shutdownNow();
        }
        var admins = identityService.createUserQuery().memberOfGroup(CamundaGroups.ADMIN).list();
        assertThat(admins).hasSize(1);
        String adminId = admins.get(0).getId();
        assertThat(identityService.createUserQuery().count()).isEqualTo(1);
        assertThat(directory.get(adminId).getRole()).isEqualTo(Role.ADMIN);
        assertThat(directory.nameOf(adminId)).isEqualTo("信息中心 " + adminId);

        mvc.perform(get("/login").param("setup", "")).andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).param("username", adminId).param("password", GOOD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    @Order(4)
    void onceThereIsAnAdministratorSetupIsGoneForGood() throws Exception {
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        setup("second.admin", "第二个", GOOD, GOOD).andExpect(status().isNotFound());
        assertThat(identityService.createUserQuery().count()).isEqualTo(1);
        mvc.perform(get("/login")).andExpect(status().isOk());

        // even if the last administrator leaves the admin group, the first-run step stays closed
        String adminId = identityService.createUserQuery().singleResult().getId();
        // remembered in the engine's database, so a restart does not open it again either
        assertThat(firstAdministrator.createdAdministrator()).contains(adminId);
        identityService.deleteMembership(adminId, CamundaGroups.ADMIN);
        try {
            setup("second.admin", "第二个", GOOD, GOOD).andExpect(status().isNotFound());
            assertThat(identityService.createUserQuery().userId("second.admin").count()).isZero();
        } finally {
            identityService.createMembership(adminId, CamundaGroups.ADMIN);
        }
    }

    private ResultActions setup(String userId, String name, String password, String repeated) throws Exception {
        return mvc.perform(post("/setup").with(csrf()).param("userId", userId).param("name", name)
                .param("password", password).param("repeated", repeated));
    }

    private static void assertRefused(ResultActions answer, String message) throws Exception {
        String page = answer.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"setup-problems\"").contains(message);
    }
}
