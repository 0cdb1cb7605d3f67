package school.training.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.externalstudy.ExternalStudyRequests;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.web.Statements;

/**
 * Home pages and the office dashboard with more than a page of work: lists are paged (50 rows, the
 * count of all, a link to the next page), read from the request read model rather than process
 * variables, and a page costs the same number of SQL statements whatever the number of rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class LargeListsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Directory directory;

    WebFixtures web;
    String group;
    String leader;
    String teacher;
    String prefix;

    @BeforeEach
    void aGroupOfTwo() {
        web = new WebFixtures(identityService);
        group = "ll" + System.nanoTime();
        directory.createTeachingGroup(group, "分页组" + group, "Paging group", 97);
        leader = group + ".leader";
        teacher = group + ".t";
        directory.register(leader, "组长页", Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师页", Role.TEACHER, group, "语文", "demo");
        prefix = "分页-" + group + "-";
    }

    @Test
    void fiftyOneWaitingRequestsMakeTwoPagesEverywhereAtTheSameCostPerPage() throws Exception {
        // given one request waiting for the leader: what each page costs with one row
        String first = request(0);
        int leaderHomeForOne = statements("/", leader);
        int dashboardForOne = statements("/office?group=" + group, "zhao.min");
        int teacherHomeForOne = statements("/", teacher);

        // when fifty more arrive
        for (int i = 1; i <= 50; i++) {
            request(i);
        }

        // then the leader's tasks, the teacher's requests and the dashboard's approvals show 50 of 51
        String home = page("/", leader);
        assertThat(home).contains("我的待办（51）");
        assertThat(count(section(home, "assigned"), "href=\"/tasks/")).isEqualTo(50);
        assertThat(section(home, "assigned")).contains("第 1–50 条，共 51 条", "id=\"more-assigned\"",
                "href=\"/?assigned=1#assigned\"");
        String second = section(page("/?assigned=1", leader), "assigned");
        assertThat(count(second, "href=\"/tasks/")).isEqualTo(1);
        assertThat(second).contains("第 51–51 条，共 51 条", "id=\"previous-assigned\"").doesNotContain("more-assigned");

        String mine = section(page("/", teacher), "my-requests");
        assertThat(count(mine, "href=\"/requests/")).isEqualTo(50);
        assertThat(mine).contains("共 51 条", "href=\"/?mine=1#my-requests\"");
        assertThat(count(section(page("/?mine=1", teacher), "my-requests"), "href=\"/requests/")).isEqualTo(1);

        String board = section(page("/office?group=" + group, "zhao.min"), "approvals");
        assertThat(board).contains("<span class=\"count\">51</span>", "id=\"more-approvals\"");
        assertThat(count(board, "data-request=")).isEqualTo(50);
        String next = section(page("/office?group=" + group + "&section=approvals&page=1", "zhao.min"), "approvals");
        assertThat(count(next, "data-request=")).isEqualTo(1);

        // and a page costs the same statements for 51 rows as for one (a query per row would add 50 and more;
        // the slack is for what does not depend on the rows, such as a first-time lookup)
        assertThat(statements("/", leader)).isLessThanOrEqualTo(leaderHomeForOne + 2).isLessThan(40);
        assertThat(statements("/office?group=" + group, "zhao.min")).isLessThanOrEqualTo(dashboardForOne + 2)
                .isLessThan(40);
        assertThat(statements("/", teacher)).isLessThanOrEqualTo(teacherHomeForOne + 2).isLessThan(40);
    }

    @Test
    void aPageIsReadInOneTransaction() throws Exception {
        String id = request(0);
        String task = ExternalStudyRequests.taskAt(taskService, id, "leaderReview");
        for (String[] page : new String[][] { { "/", leader }, { "/tasks/" + task, leader }, { "/requests/" + id, teacher },
                { "/office", "zhao.min" } }) {
            var signedIn = web.as(page[1]);
            Statements.Cost<Integer> cost = Statements.count(() -> mvc.perform(get(page[0]).with(signedIn))
                    .andReturn().getResponse().getStatus());
            assertThat(cost.result()).isEqualTo(200);
            // one connection, one transaction, however many statements the page sends
            assertThat(cost.connections()).as(page[0] + " (" + cost.statements() + " statements)").isOne();
        }
    }

    @Test
    void pagesShowWhatTheStepsRecordedNotAVariableRewrittenLater() throws Exception {
        // given a request waiting for the leader
        String id = request(0);

        // when its title variable is rewritten behind the request's forms (as only the admin may)
        runtimeService.setVariable(id, "title", "改写的标题");
        runtimeService.setVariable(id, "applicant", "zhou.tao");

        // then the leader's home, the teacher's home and the dashboard still show what was sent, and whose
        assertThat(section(page("/", leader), "assigned")).contains(prefix + 0, "教师页").doesNotContain("改写的标题");
        assertThat(section(page("/", teacher), "my-requests")).contains(prefix + 0).doesNotContain("改写的标题");
        String board = section(page("/office?group=" + group, "zhao.min"), "approvals");
        assertThat(board).contains(prefix + 0, "教师页").doesNotContain("改写的标题", "周涛");
    }

    private String request(int i) {
        Map<String, Object> variables = new HashMap<>();
        WebFixtures.validFields().forEach(variables::put);
        variables.put("title", prefix + i);
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("applicant", teacher);
        // started as the app does (no signed-in caller)
        return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
    }

    private int statements(String url, String user) throws Exception {
        return Statements.count(() -> page(url, user)).statements();
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(web.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static int count(String html, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(html);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
