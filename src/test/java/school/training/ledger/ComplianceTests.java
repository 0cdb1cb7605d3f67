package school.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * The office and the principal see each rule per group and per teacher, export it and remind those
 * behind once a day; teachers do not see it. A teaching group of the test's own with three teachers: one
 * with the 60 education-technology hours of the year, one with 20, one with none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ComplianceTests {

    private static final String RULE = "educationTechnologyYear";

    @Autowired
    MockMvc mvc;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    Directory directory;
    @Autowired
    Notifications notifications;
    @Autowired
    Clock clock;

    String group;
    String done;
    String halfway;
    String none;

    @BeforeEach
    void aGroupOfThree() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "cmp" + suffix;
        directory.createTeachingGroup(group, "达标测试组" + suffix, "Compliance " + suffix, 90);
        done = teacher("done." + suffix, "甲" + suffix);
        halfway = teacher("half." + suffix, "乙" + suffix);
        none = teacher("none." + suffix, "丙" + suffix);
        LocalDate today = LocalDate.now(clock);
        ledger.credit(done, today, Category.EDUCATION_TECHNOLOGY, new BigDecimal("60"), "信息技术 2.0", "test", suffix);
        ledger.credit(halfway, today, Category.EDUCATION_TECHNOLOGY, new BigDecimal("20"), "信息技术 2.0", "test", suffix);
        ledger.credit(none, today, Category.ONLINE, new BigDecimal("20"), "别的类别不算", "test", suffix);
    }

    @Test
    void theOfficeSeesTheGroupAndEachTeacher() throws Exception {
        String page = mvc.perform(get("/ledger/compliance").param("rule", RULE).param("group", group)
                .with(as("zhao.min", "office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("学时达标情况", "教育技术应用能力培训每年 60 学时");
        assertThat(between(page, "id=\"group-" + group + "\"", "</tr>")).contains(">3<", ">1<", "33%");
        assertThat(between(page, "id=\"teacher-" + done + "\"", "</tr>")).contains("60.0", "已达标");
        assertThat(between(page, "id=\"teacher-" + halfway + "\"", "</tr>")).contains("20.0", "还差 40 学时");
        assertThat(between(page, "id=\"teacher-" + none + "\"", "</tr>")).contains("0.0", "还差 60 学时");
    }

    @Test
    void thePrincipalMayTheTeachersMayNot() throws Exception {
        mvc.perform(get("/ledger/compliance").with(as("liu.hua", "principal"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/compliance").with(as("li.na", "teachers"))).andExpect(status().isForbidden());
        mvc.perform(get("/ledger/compliance").with(as("chen.jing", "teachers", "group-leaders")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledger/compliance.csv").with(as("li.na", "teachers"))).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/compliance/remind").with(csrf()).param("rule", RULE).with(as("li.na", "teachers")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledger/compliance").param("rule", "noSuchRule").with(as("zhao.min", "office")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theExportListsEveryTeacherOfTheGroup() throws Exception {
        String csv = mvc.perform(get("/ledger/compliance.csv").param("rule", RULE).param("group", group)
                .with(as("zhao.min", "office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).contains(done + ",甲").contains(halfway + ",乙").contains(none + ",丙").contains("40.0");
    }

    @Test
    void remindingTellsThoseBehindOnceADay() throws Exception {
        mvc.perform(post("/ledger/compliance/remind").with(csrf()).param("rule", RULE).param("group", group)
                .with(as("zhao.min", "office"))).andExpect(status().is3xxRedirection());

        assertThat(notifications.latest(halfway, 10)).singleElement()
                .satisfies(n -> assertThat(n.getMessageKey()).isEqualTo("ledger.notify.behind." + RULE));
        assertThat(notifications.text(notifications.latest(halfway, 1).get(0), java.util.Locale.SIMPLIFIED_CHINESE))
                .contains("还差 40.0 学时");
        assertThat(notifications.latest(none, 10)).hasSize(1);
        assertThat(notifications.latest(done, 10)).isEmpty();

        // pressed again the same day (by the principal this time): nobody hears it twice
        mvc.perform(post("/ledger/compliance/remind").with(csrf()).param("rule", RULE).param("group", group)
                .with(as("liu.hua", "principal"))).andExpect(status().is3xxRedirection());
        assertThat(notifications.latest(halfway, 10)).hasSize(1);
        assertThat(notifications.latest(none, 10)).hasSize(1);
    }

    @Test
    void everyLedgerEntryLinksToItsSource() throws Exception {
        String trip = UUID.randomUUID().toString();
        String claim = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(clock);
        ledger.credit(halfway, today, Category.OUTSIDE_STUDY, BigDecimal.TEN, "外出", "postStudyReport", trip);
        ledger.credit(halfway, today, Category.ONLINE, BigDecimal.TEN, "网络", "creditRecognition", claim);
        ledger.credit(halfway, today, Category.SCHOOL_BASED, BigDecimal.TEN, "校本", "trainingProject", project);
        ledger.credit(halfway, today, Category.ONLINE, BigDecimal.TEN, "导入", "hoursImport", "abc123");

        String page = mvc.perform(get("/ledger").with(as(halfway, "teachers"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/requests/" + trip + "\"", "href=\"/requests/" + claim + "\"",
                "href=\"/trainings/" + project + "\"", "href=\"/ledger/batches/row/abc123\"", "学时认定", "学时导入");
    }

    private String teacher(String id, String name) {
        directory.register(id, name, Role.TEACHER, group, "信息技术", "demo");
        return id;
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static RequestPostProcessor as(String userId, String... groups) {
        SimpleGrantedAuthority[] authorities = new SimpleGrantedAuthority[groups.length];
        for (int i = 0; i < groups.length; i++) {
            authorities[i] = new SimpleGrantedAuthority("GROUP_" + groups[i]);
        }
        return user(userId).authorities(authorities);
    }
}
