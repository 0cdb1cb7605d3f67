package school.training.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/**
 * 教研活动 through its pages and its facade: the leader records his group's activities (the office any group's),
 * nobody else; teachers read their group's and see what they attended; validation keeps what was typed and
 * attached; the tally counts what each teacher attended in the period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ResearchActivitiesTests {

    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    ResearchActivities research;
    @Autowired
    ResearchActivityRepository repository;
    @Autowired
    Clock clock;

    WebFixtures web;
    String suffix;
    String group;
    String otherGroup;
    String leader;
    String teacher;
    String second;
    String otherLeader;
    String outsider;
    LocalDate today;

    @BeforeEach
    void aSchoolOfItsOwn() {
        web = new WebFixtures(identityService);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "rg" + suffix;
        otherGroup = "ro" + suffix;
        leader = "rlead." + suffix;
        teacher = "rteach." + suffix;
        second = "rsecond." + suffix;
        otherLeader = "rother." + suffix;
        outsider = "rout." + suffix;
        directory.createTeachingGroup(group, "教研组" + suffix, "Research " + suffix, 97);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(second, "二号" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.createTeachingGroup(otherGroup, "别组" + suffix, "Other " + suffix, 98);
        directory.register(otherLeader, "别组长" + suffix, Role.GROUP_LEADER, otherGroup, "英语", "demo");
        directory.register(outsider, "别组教师" + suffix, Role.TEACHER, otherGroup, "英语", "demo");
        today = LocalDate.now(clock);
    }

    private MockMultipartHttpServletRequestBuilder activity(String forGroup, String theme, LocalDate date,
            List<String> attendees, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/research/new");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.param("group", forGroup).param("token", UUID.randomUUID().toString()).param("theme", theme)
                .param("date", date.toString()).param("place", "三楼会议室")
                .param("minutes", "集体备课：第三单元。" + suffix).param("_attendees", "on");
        attendees.forEach(a -> request.param("attendees", a));
        request.with(csrf());
        return request;
    }

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("upload", name, "application/pdf", "%PDF-1.4 minutes".getBytes(StandardCharsets.UTF_8));
    }

    private List<ResearchActivity> ofGroup(String groupId) {
        Term term = Term.containing(today);
        return repository.findByGroupIdAndDateBetweenOrderByDateDescIdDesc(groupId, term.previous().start(), today);
    }

    @Test
    void theLeaderRecordsWithEveryActiveMemberCheckedByDefault() throws Exception {
        mvc.perform(get("/research/new").with(web.as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attendee-" + teacher + "\" checked")))
                .andExpect(content().string(containsString("id=\"attendee-" + second + "\" checked")))
                .andExpect(content().string(not(containsString("attendee-" + outsider))));

        mvc.perform(activity(group, "单元整体教学设计", today, List.of(leader, teacher), file("记录.pdf")).with(web.as(leader)))
                .andExpect(status().is3xxRedirection());

        List<ResearchActivity> held = ofGroup(group);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).getAttendees()).containsExactlyInAnyOrder(leader, teacher);
        assertThat(held.get(0).getFiles()).hasSize(1);
        assertThat(held.get(0).getRecordedBy()).isEqualTo(leader);
    }

    @Test
    void nobodyButTheLeaderAndTheOfficeRecordsForAGroup() throws Exception {
        for (String stranger : List.of(teacher, otherLeader, outsider, "liu.hua")) {
            mvc.perform(activity(group, "不该记录", today, List.of(teacher)).with(web.as(stranger)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/research/new").param("group", group).with(web.as(stranger)))
                    .andExpect(status().isNotFound());
        }
        assertThat(ofGroup(group)).isEmpty();

        mvc.perform(activity(group, "办公室代为记录", today, List.of(teacher)).with(web.as(OFFICE)))
                .andExpect(status().is3xxRedirection());
        Long id = ofGroup(group).get(0).getId();
        // another group's leader cannot edit it either
        mvc.perform(post("/research/" + id + "/edit").with(csrf()).param("theme", "改掉").param("date", today.toString())
                .param("minutes", "x").param("attendees", teacher).with(web.as(otherLeader)))
                .andExpect(status().isNotFound());
        assertThat(repository.findById(id).orElseThrow().getTheme()).isEqualTo("办公室代为记录");
    }

    @Test
    void teachersReadTheirGroupsActivitiesAndSeeWhatTheyAttended() throws Exception {
        mvc.perform(activity(group, "同课异构", today, List.of(leader, teacher), file("课件.pdf")).with(web.as(leader)))
                .andExpect(status().is3xxRedirection());
        ResearchActivity held = ofGroup(group).get(0);
        String fileId = held.getFiles().get(0);

        mvc.perform(get("/research").with(web.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(containsString("同课异构")))
                .andExpect(content().string(containsString("✓ 我参加了")));
        mvc.perform(get("/research").with(web.as(second))).andExpect(status().isOk())
                .andExpect(content().string(containsString("同课异构")))
                .andExpect(content().string(not(containsString("✓ 我参加了"))));
        mvc.perform(get("/research/" + held.getId() + "/files/" + fileId).with(web.as(second)))
                .andExpect(status().isOk());

        mvc.perform(get("/research").param("group", group).with(web.as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/research/" + held.getId() + "/files/" + fileId).with(web.as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/research").param("group", group).with(web.as("liu.hua"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("同课异构")));
    }

    @Test
    void badInputIsRefusedAndWhatWasTypedAndAttachedIsKept() throws Exception {
        MockMultipartHttpServletRequestBuilder request = activity(group, "", today.plusDays(1), List.of(teacher, outsider),
                file("保留的附件.pdf"));
        mvc.perform(request.with(web.as(leader))).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写主题")))
                .andExpect(content().string(containsString("活动日期不能晚于今天")))
                .andExpect(content().string(containsString("参加人员只能是本教研组的老师")))
                .andExpect(content().string(containsString("集体备课：第三单元。" + suffix)))
                .andExpect(content().string(containsString("保留的附件.pdf")));
        assertThat(ofGroup(group)).isEmpty();

        mvc.perform(activity(group, "没有人参加", today, List.of()).with(web.as(leader)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请勾选参加的老师")));
        assertThat(ofGroup(group)).isEmpty();
    }

    @Test
    void theTallyCountsWhatEachTeacherAttendedInThePeriodAgainstTheTermRequirement() throws Exception {
        mvc.perform(activity(group, "第一次", today, List.of(leader, teacher)).with(web.as(leader)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(activity(group, "第二次", today.minusDays(1), List.of(leader, second)).with(web.as(leader)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(activity(group, "更早", today.minusDays(20), List.of(teacher)).with(web.as(leader)))
                .andExpect(status().is3xxRedirection());

        Map<String, ActivityTally> tallies = research.tally(List.of(leader, teacher, second, outsider),
                today.minusDays(1), today);

        assertThat(tallies.get(leader)).isEqualTo(new ActivityTally(2, 4));
        assertThat(tallies.get(teacher)).isEqualTo(new ActivityTally(1, 4));
        assertThat(tallies.get(second)).isEqualTo(new ActivityTally(1, 4));
        assertThat(tallies.get(outsider)).isEqualTo(new ActivityTally(0, 4));
        assertThat(research.held(List.of(group, otherGroup), today.minusDays(30), today))
                .isEqualTo(Map.of(group, 3, otherGroup, 0));
    }
}
