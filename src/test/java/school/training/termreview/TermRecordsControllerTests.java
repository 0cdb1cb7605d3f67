package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/** 教学常规记录: who sees which group's term so far, and the export. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class TermRecordsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;

    String group;
    String other;

    @BeforeEach
    void twoGroups() {
        group = "tr" + System.nanoTime();
        other = group + "x";
        directory.createTeachingGroup(group, "常规甲组" + group, "Records group A", 97);
        directory.createTeachingGroup(other, "常规乙组" + other, "Records group B", 97);
        directory.register(group + ".leader", "组长" + group, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(group + ".teacher", "甲组教师" + group, Role.TEACHER, group, "语文", "demo");
        directory.register(other + ".teacher", "乙组教师" + other, Role.TEACHER, other, "数学", "demo");
    }

    @Test
    void aLeaderSeesHerOwnGroupWhateverTheUrlAsksFor() throws Exception {
        String page = page("/term-records?group=" + other, group + ".leader", 200);
        assertThat(page).contains("id=\"teacher-" + group + ".teacher\"", "id=\"teacher-" + group + ".leader\"")
                .doesNotContain("teacher-" + other + ".teacher", "id=\"per-group\"");
        String csv = page("/term-records.csv?group=" + other, group + ".leader", 200);
        assertThat(csv).contains(group + ".teacher").doesNotContain(other + ".teacher");
    }

    @Test
    void theOfficeSeesEveryGroupAndPicksOne() throws Exception {
        String school = page("/term-records", "zhao.min", 200);
        assertThat(school).contains("id=\"per-group\"", "id=\"group-" + group + "\"", "id=\"group-" + other + "\"");
        String one = page("/term-records?group=" + other, "zhao.min", 200);
        assertThat(one).contains("id=\"teacher-" + other + ".teacher\"").doesNotContain("teacher-" + group + ".teacher");
        String csv = page("/term-records.csv?group=" + other, "liu.hua", 200);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("工号", "教案已通过（月）", "已听课（节）", "档案缺少");
        assertThat(csv).contains(other + ".teacher");
        page("/term-records?group=nosuchgroup", "zhao.min", 404);
    }

    @Test
    void aTeacherSeesHerOwnTermAndNobodyElses() throws Exception {
        String mine = page("/term-records?group=" + other, group + ".teacher", 200);
        assertThat(mine).contains("id=\"my-records\"", "id=\"my-plans\"", "id=\"my-observations\"", "id=\"my-archive\"")
                .doesNotContain("id=\"teachers\"", other + ".teacher");
        page("/term-records.csv", group + ".teacher", 403);
    }

    private String page(String url, String user, int status) throws Exception {
        MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url + " as " + user).isEqualTo(status);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }
}
