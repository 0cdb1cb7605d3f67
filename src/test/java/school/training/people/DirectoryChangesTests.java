package school.training.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import school.training.security.EngineRest;
import school.training.tasklist.WebFixtures;

/**
 * The office changes the school on {@code /people} and {@code /groups}: each change reaches the Camunda
 * account at once, is written to the history, and moves open approvals to whoever holds the role now.
 * Every test makes its own teaching group and people, so the demo school other tests rely on stays as it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DirectoryChangesTests {

    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    Directory directory;
    @Autowired
    TestRestTemplate rest;

    WebFixtures web;
    String group;
    String leader;
    String teacher;
    String colleague;

    @BeforeEach
    void aGroupOfThree() {
        web = new WebFixtures(identityService);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "g" + suffix;
        directory.createTeachingGroup(group, "测试组" + suffix, "Test " + suffix, 90);
        leader = "lead." + suffix;
        teacher = "teach." + suffix;
        colleague = "coll." + suffix;
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(colleague, "同事" + suffix, Role.TEACHER, group, "语文", "demo");
    }

    @Test
    void theOfficeAddsAPersonWhoGetsAnAccountAndMustChooseAPassword() throws Exception {
        String id = "new." + group;
        MvcResult added = mvc.perform(post("/people/new").with(csrf()).with(web.as(OFFICE)).param("id", id)
                .param("name", "王新").param("role", "TEACHER").param("teachingGroupId", group)
                .param("subject", "数学").param("title", "二级教师").param("employment", "PART_TIME")
                .param("degree", "BACHELOR").param("email", "wang@example.org").param("phone", "138 0000 0000"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/people/" + id)).andReturn();
        String password = (String) added.getFlashMap().get("temporaryPassword");

        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(identityService.checkPassword(id, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(id).memberOfGroup(CamundaGroups.TEACHERS).count())
                .isEqualTo(1);
        Person person = directory.get(id);
        assertThat(person.getEmployment()).isEqualTo(Employment.PART_TIME);
        assertThat(person.getDegree()).isEqualTo(Degree.BACHELOR);
        assertThat(person.mustChangePassword()).isTrue();
        assertThat(directory.history(id, PageRequest.of(0, 10)).getContent())
                .anySatisfy(c -> assertThat(c.getWhat() + c.getChangedBy()).isEqualTo("created" + OFFICE));

        // the first page the new teacher opens asks for her own password
        mvc.perform(get("/").with(web.as(id))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").with(web.as(id)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("password-required")));
        mvc.perform(post("/account/password").with(csrf()).with(web.as(id)).param("current", password)
                .param("password", "Wo-de-mima-2026").param("repeated", "Wo-de-mima-2026"))
                .andExpect(status().isOk());
        assertThat(directory.get(id).mustChangePassword()).isFalse();
        mvc.perform(get("/").with(web.as(id))).andExpect(status().isOk());
    }

    @Test
    void badDetailsAreShownBesideTheFieldsAndWriteNothing() throws Exception {
        String id = "bad." + group;
        mvc.perform(post("/people/new").with(csrf()).with(web.as(OFFICE)).param("id", id).param("name", "王新")
                .param("role", "GROUP_LEADER").param("teachingGroupId", group).param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已有组长")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("电子邮箱格式不对")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"not-an-address\"")));
        mvc.perform(post("/people/new").with(csrf()).with(web.as(OFFICE)).param("id", teacher).param("name", "重复")
                .param("role", "TEACHER").param("teachingGroupId", "no-such-group"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已被使用")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有名为 no-such-group 的教研组")));

        assertThat(directory.find(id)).isEmpty();
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
        assertThat(directory.get(teacher).getName()).startsWith("教师");
    }

    @Test
    void onlyTheOfficeAndTheAdminReachTheDirectoryPages() throws Exception {
        mvc.perform(get("/people").with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/groups").with(web.as(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/people/history").with(web.as("liu.hua"))).andExpect(status().isForbidden());
        mvc.perform(post("/people/" + teacher).with(csrf()).with(web.as(teacher)).param("name", "教师")
                .param("role", "OFFICE").param("teachingGroupId", group)).andExpect(status().isForbidden());
        mvc.perform(post("/groups/" + group + "/leader").with(csrf()).with(web.as(teacher))
                .param("leaderId", teacher)).andExpect(status().isForbidden());

        assertThat(directory.get(teacher).getRole()).isEqualTo(Role.TEACHER);
        assertThat(directory.teachingGroup(group).orElseThrow().getLeaderId()).isEqualTo(leader);
        mvc.perform(get("/people").with(web.as(OFFICE)).param("group", group))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("共 3 人")));
    }

    @Test
    void aRoleChangeChangesTheCamundaGroupsAndIsInTheHistory() throws Exception {
        mvc.perform(post("/people/" + colleague).with(csrf()).with(web.as(OFFICE)).param("name", "同事改名")
                .param("role", "OFFICE").param("employment", "FULL_TIME"))
                .andExpect(redirectedUrl("/people/" + colleague));

        assertThat(identityService.createGroupQuery().groupMember(colleague).list())
                .extracting(g -> g.getId()).containsExactly(CamundaGroups.OFFICE);
        assertThat(identityService.createUserQuery().userId(colleague).singleResult().getFirstName())
                .isEqualTo("同事改名");
        assertThat(directory.history(colleague, PageRequest.of(0, 10)).getContent())
                .extracting(DirectoryChange::getWhat).contains("name", "role", "teachingGroup");
    }

    @Test
    void aNewLeaderTakesOverTheOpenLeaderStepsWithALineInTheTimeline() throws Exception {
        String instance = web.submitRequest(mvc, teacher);
        assertThat(leaderStep(instance).getAssignee()).isEqualTo(leader);

        mvc.perform(post("/groups/" + group + "/leader").with(csrf()).with(web.as(OFFICE))
                .param("leaderId", colleague)).andExpect(status().isFound());

        assertThat(leaderStep(instance).getAssignee()).isEqualTo(colleague);
        assertThat(directory.get(leader).getRole()).isEqualTo(Role.TEACHER);
        assertThat(directory.get(colleague).getRole()).isEqualTo(Role.GROUP_LEADER);
        assertThat(identityService.createUserQuery().userId(leader).memberOfGroup(CamundaGroups.GROUP_LEADERS)
                .count()).isZero();
        assertThat(identityService.createUserQuery().userId(colleague).memberOfGroup(CamundaGroups.GROUP_LEADERS)
                .count()).isEqualTo(1);
        mvc.perform(get("/requests/" + instance).with(web.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("更换教研组长")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        directory.nameOf(leader) + " → " + directory.nameOf(colleague))));

        // the new leader approves it through the REST API; the old one no longer can
        EngineRest api = new EngineRest(rest);
        Map<String, Object> approve = Map.of("leaderDecision", "approve", "leaderComment", "同意");
        EngineRest.Answer refused = api.complete(leader, leaderStep(instance).getId(), approve);
        assertThat(refused.status().is4xxClientError()).as("%s %s", refused.status(), refused.body()).isTrue();
        api.complete(colleague, leaderStep(instance).getId(), approve).isNoContent();
    }

    @Test
    void aTeacherWhoBecomesLeaderDoesNotApproveHerOwnRequestTheprincipalDoes() throws Exception {
        String instance = web.submitRequest(mvc, teacher);

        directory.changeLeader(group, teacher, OFFICE);

        Task step = leaderStep(instance);
        assertThat(step.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(step.getId()))
                .anySatisfy(link -> {
                    assertThat(link.getType()).isEqualTo(IdentityLinkType.CANDIDATE);
                    assertThat(link.getGroupId()).isEqualTo(CamundaGroups.PRINCIPAL);
                });
    }

    @Test
    void someoneWhoLeavesCannotLogInKeepsTheirHistoryAndTheirClaimedTasksGoBackToTheGroup() throws Exception {
        String clerk = "clerk." + group;
        directory.register(clerk, "文员" + group, Role.OFFICE, null, null, "demo");
        String instance = web.submitRequest(mvc, teacher);
        taskService.complete(leaderStep(instance).getId(),
                Map.of("leaderDecision", "approve", "leaderComment", "同意"));
        Task registration = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.claim(registration.getId(), clerk);

        mvc.perform(post("/people/" + clerk + "/leave").with(csrf()).with(web.as(OFFICE)))
                .andExpect(redirectedUrl("/people/" + clerk));

        assertThat(taskService.createTaskQuery().taskId(registration.getId()).singleResult().getAssignee()).isNull();
        assertThat(directory.get(clerk).isActive()).isFalse();
        assertThat(identityService.createGroupQuery().groupMember(clerk).count()).isZero();
        // the right password no longer opens the door, on the login form and the REST API alike
        EngineRest api = new EngineRest(rest);
        assertThat(api.get(clerk, "/engine-rest/task").status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        mvc.perform(post("/login").with(csrf()).param("username", clerk).param("password", "demo"))
                .andExpect(redirectedUrl("/login?disabled"));
        assertThat(directory.search(null, null, null, null, false, PageRequest.of(0, 500)).getContent())
                .extracting(Person::getId).contains(clerk);

        // back at school: the groups of the role return
        directory.reactivate(clerk, OFFICE);
        assertThat(identityService.createUserQuery().userId(clerk).memberOfGroup(CamundaGroups.OFFICE).count())
                .isEqualTo(1);
    }

    @Test
    void aLeaderCannotLeaveOrChangeRoleUntilTheGroupHasAnotherLeader() throws Exception {
        mvc.perform(post("/people/" + leader + "/leave").with(csrf()).with(web.as(OFFICE)))
                .andExpect(redirectedUrl("/people/" + leader));
        assertThat(directory.get(leader).isActive()).isTrue();
        mvc.perform(post("/people/" + leader).with(csrf()).with(web.as(OFFICE)).param("name", "组长")
                .param("role", "TEACHER").param("teachingGroupId", group))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请先在“教研组管理”页面")));
        assertThat(directory.get(leader).getRole()).isEqualTo(Role.GROUP_LEADER);
    }

    @Test
    void aResetGivesARandomPasswordForOneLoginAndIsInTheHistoryWithoutThePassword() throws Exception {
        MvcResult reset = mvc.perform(post("/people/" + teacher + "/password").with(csrf()).with(web.as(OFFICE)))
                .andExpect(redirectedUrl("/people/" + teacher)).andReturn();
        String password = (String) reset.getFlashMap().get("temporaryPassword");

        assertThat(identityService.checkPassword(teacher, "demo")).isFalse();
        assertThat(identityService.checkPassword(teacher, password)).isTrue();
        assertThat(directory.get(teacher).mustChangePassword()).isTrue();
        List<DirectoryChange> history = directory.history(teacher, PageRequest.of(0, 10)).getContent();
        assertThat(history).anySatisfy(c -> assertThat(c.getWhat()).isEqualTo("passwordReset"));
        assertThat(history).allSatisfy(c -> assertThat(c.getAfter() + "" + c.getBefore()).doesNotContain(password));
    }

    @Test
    void theOfficeCannotResetChangeOrDisableTheAdministratorsAccount() throws Exception {
        String it = "it." + group;
        directory.register(it, "信息技术" + group, Role.ADMIN, null, null, "demo");

        mvc.perform(post("/people/" + it + "/password").with(csrf()).with(web.as(OFFICE)))
                .andExpect(redirectedUrl("/people/" + it));
        mvc.perform(post("/people/" + it + "/leave").with(csrf()).with(web.as(OFFICE)))
                .andExpect(redirectedUrl("/people/" + it));
        mvc.perform(post("/people/" + it).with(csrf()).with(web.as(OFFICE)).param("name", "改名")
                .param("role", "TEACHER").param("teachingGroupId", group))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("这是管理员账号")));

        assertThat(identityService.checkPassword(it, "demo")).isTrue();
        assertThat(directory.get(it).isActive()).isTrue();
        assertThat(directory.get(it).getRole()).isEqualTo(Role.ADMIN);
        assertThat(identityService.createUserQuery().userId(it).memberOfGroup(CamundaGroups.ADMIN).count())
                .isEqualTo(1);
    }

    @Test
    void aGroupLongerThanOnePageIsPagedAndThePageLinksKeepTheFilter() throws Exception {
        for (int i = 0; i < 50; i++) {
            directory.register(group + ".p" + i, "翻页" + i, Role.TEACHER, group, "语文", "demo");
        }

        String first = mvc.perform(get("/people").param("group", group).with(web.as(OFFICE))).andReturn().getResponse()
                .getContentAsString();
        String pager = first.substring(first.indexOf("class=\"buttons pager\""));
        pager = pager.substring(0, pager.indexOf("</nav>"));
        assertThat(pager).contains("第 1 / 2 页").contains("id=\"next-page\"").contains("group=" + group)
                .contains("page=1").doesNotContain("previous-page");

        String second = mvc.perform(get("/people").param("group", group).param("page", "1").param("lang", "en")
                .with(web.as(OFFICE))).andReturn().getResponse().getContentAsString();
        pager = second.substring(second.indexOf("class=\"buttons pager\""));
        pager = pager.substring(0, pager.indexOf("</nav>"));
        assertThat(pager).contains("Page 2 of 2").contains("id=\"previous-page\"").contains("group=" + group)
                .contains("page=0").doesNotContain("next-page");
    }

    @Test
    void groupsAreAddedRenamedAndReordered() throws Exception {
        String id = "new" + group;
        mvc.perform(post("/groups").with(csrf()).with(web.as(OFFICE)).param("id", id).param("name", "新组" + group)
                .param("nameEn", "New")).andExpect(status().isFound());
        mvc.perform(post("/groups").with(csrf()).with(web.as(OFFICE)).param("id", id + "x")
                .param("name", "新组" + group)).andExpect(status().isFound());
        assertThat(directory.teachingGroup(id + "x")).as("a second group with the same name").isEmpty();

        mvc.perform(post("/groups/" + id + "/name").with(csrf()).with(web.as(OFFICE)).param("name", "改名组" + group))
                .andExpect(status().isFound());
        mvc.perform(post("/groups/" + id + "/move").with(csrf()).with(web.as(OFFICE)).param("direction", "-1"))
                .andExpect(status().isFound());

        List<TeachingGroup> ordered = directory.teachingGroups();
        int at = ordered.stream().map(TeachingGroup::getId).toList().indexOf(id);
        assertThat(ordered.get(at).getName()).isEqualTo("改名组" + group);
        assertThat(at).as("moved up from the end").isEqualTo(ordered.size() - 2);
        mvc.perform(get("/groups").with(web.as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("改名组" + group)));
    }

    private Task leaderStep(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("leaderReview")
                .singleResult();
    }
}
