package school.training.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.archive.ArchiveEntry;
import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;
import school.training.people.StaffDetails;
import school.training.tasklist.WebFixtures;

/**
 * 听课记录 through its pages and its facade: quotas from the settings per role and post, the tally of a period,
 * who reads and edits what, validation, the archive entry and the overview's CSV. Every test makes its own
 * groups and people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ObservationsTests {

    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    Observations observations;
    @Autowired
    LessonObservationRepository repository;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    Notifications notifications;
    @Autowired
    Clock clock;

    WebFixtures web;
    String suffix;
    String group;
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
        group = "og" + suffix;
        leader = "olead." + suffix;
        teacher = "oteach." + suffix;
        second = "osecond." + suffix;
        otherLeader = "oother." + suffix;
        outsider = "oout." + suffix;
        directory.createTeachingGroup(group, "听课组" + suffix, "Observing " + suffix, 95);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(second, "二号" + suffix, Role.TEACHER, group, "数学", "demo");
        directory.createTeachingGroup("oo" + suffix, "别组" + suffix, "Other " + suffix, 96);
        directory.register(otherLeader, "别组长" + suffix, Role.GROUP_LEADER, "oo" + suffix, "英语", "demo");
        directory.register(outsider, "别组教师" + suffix, Role.TEACHER, "oo" + suffix, "英语", "demo");
        today = LocalDate.now(clock);
    }

    private Map<String, String> fields(String observed, LocalDate date) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", UUID.randomUUID().toString());
        fields.put("date", date.toString());
        fields.put("observedId", observed);
        fields.put("className", "三年级二班");
        fields.put("subject", "");
        fields.put("topic", "《秋天的雨》");
        fields.put("notes", "导入自然，朗读指导到位。");
        fields.put("suggestions", "小组讨论时间可以再长一些 " + suffix);
        return fields;
    }

    private MockHttpServletRequestBuilder postNew(Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post("/observations/new").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private ResultActions recordAs(String observer, Map<String, String> fields) throws Exception {
        return mvc.perform(postNew(fields).with(web.as(observer)));
    }

    private Long recorded(String observer, String observed, LocalDate date) throws Exception {
        recordAs(observer, fields(observed, date)).andExpect(status().is3xxRedirection());
        return repository.findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(observer, date, date).get(0)
                .getId();
    }

    /** The office gives this person a post (职务) on the person page's path. */
    private void withPost(String id, String post) {
        Person p = directory.get(id);
        directory.update(new StaffDetails(p.getId(), p.getName(), p.getRole(), p.getTeachingGroup().getId(),
                p.getSubject(), p.getTitle(), p.getEmployment(), p.getDegree(), p.getEmail(), p.getPhone(), post),
                OFFICE);
    }

    // ---- quotas and the tally ----------------------------------------------------------------------

    @Test
    void quotasComeFromTheSettingsPerRoleAndPost() {
        // 1 September to 23 November: 12 teaching weeks
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2026, 11, 23);
        withPost(second, "教导主任");
        withPost(outsider, "副校长");

        Map<String, ObservationTally> tallies = observations.tally(List.of(teacher, leader, second, outsider, OFFICE,
                "liu.hua"), from, to);

        assertThat(tallies.get(teacher).quota()).as("a teacher: 3 a week").isEqualTo(36);
        assertThat(tallies.get(leader).quota()).as("a group leader: 3 a week").isEqualTo(36);
        assertThat(tallies.get("liu.hua").quota()).as("the principal: 3 a week").isEqualTo(36);
        assertThat(tallies.get(second).quota()).as("a dean (教导主任): 6 a week").isEqualTo(72);
        assertThat(tallies.get(outsider).quota()).as("a deputy (副校长): 4 a week").isEqualTo(48);
        assertThat(tallies.get(OFFICE).quota()).as("the office observes no lessons").isZero();
        assertThat(observations.tally(List.of(second), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))
                .get(second).quota()).as("a dean, one week").isEqualTo(6);
    }

    @Test
    void theTallyCountsOnlyLessonsWithinThePeriod() throws Exception {
        recorded(teacher, second, today);
        recorded(teacher, leader, today.minusDays(1));
        recorded(teacher, second, today.minusDays(10));
        recorded(second, teacher, today);

        Map<String, ObservationTally> tallies = observations.tally(List.of(teacher, second, leader),
                today.minusDays(1), today);

        assertThat(tallies.get(teacher).recorded()).isEqualTo(2);
        assertThat(tallies.get(second).recorded()).isEqualTo(1);
        assertThat(tallies.get(leader).recorded()).isZero();
        assertThat(observations.tally(List.of(teacher), today.minusDays(10), today).get(teacher).recorded())
                .isEqualTo(3);
    }

    // ---- recording ---------------------------------------------------------------------------------

    @Test
    void recordingTakesTheSubjectFromTheTeacherWritesTheArchiveOnceAndTellsTheObservedTeacher() throws Exception {
        Map<String, String> fields = fields(second, today);
        recordAs(teacher, fields).andExpect(status().is3xxRedirection());
        // the same form sent again (a double click): still one record
        recordAs(teacher, fields).andExpect(status().is3xxRedirection());

        List<LessonObservation> mine = repository.findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(
                teacher, today, today);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getSubject()).as("the observed teacher's subject").isEqualTo("数学");
        List<ArchiveEntry> entries = archive.entriesOf(teacher).stream()
                .filter(e -> e.getKind() == ArchiveKind.OBSERVATION_RECORD).toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getSourceId()).isEqualTo(String.valueOf(mine.get(0).getId()));
        assertThat(notifications.latest(second, 5)).anyMatch(n -> "observations.notify.observed".equals(n.getMessageKey()));

        mvc.perform(get("/observations").with(web.as(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("二号" + suffix)))
                .andExpect(content().string(containsString("id=\"count-period\"")));
    }

    @Test
    void aVisitingTeacherIsTypedAndHisSubjectMustBeGiven() throws Exception {
        Map<String, String> fields = fields("", today);
        fields.put("observedName", "外校王老师");
        recordAs(teacher, fields).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写学科")));
        fields.put("subject", "科学");
        recordAs(teacher, fields).andExpect(status().is3xxRedirection());
        LessonObservation o = repository.findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(teacher,
                today, today).get(0);
        assertThat(o.getObservedId()).isNull();
        assertThat(o.getObservedName()).isEqualTo("外校王老师");
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndWhatWasTypedStays() throws Exception {
        Map<String, String> fields = fields(second, today.plusDays(1));
        fields.put("suggestions", " ");
        fields.put("notes", "这段记录不能丢 " + suffix);
        fields.put("className", "班".repeat(31));
        recordAs(teacher, fields).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("听课日期不能晚于今天")))
                .andExpect(content().string(containsString("请写下改进性意见")))
                .andExpect(content().string(containsString("班级最多 30 个字")))
                .andExpect(content().string(containsString("这段记录不能丢 " + suffix)));

        Map<String, String> noTeacher = fields("", today.minusYears(2));
        recordAs(teacher, noTeacher).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("只能记录本学期和上学期的听课")))
                .andExpect(content().string(containsString("请选择授课教师，或填写校外教师的姓名")));
        recordAs(teacher, fields(teacher, today)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("不能记录听自己的课")));

        assertThat(repository.findByObserverIdAndLessonDateBetweenOrderByLessonDateDescIdDesc(teacher,
                today.minusYears(3), today.plusDays(2))).isEmpty();
    }

    // ---- who reads and edits -------------------------------------------------------------------------

    @Test
    void onlyTheObserverEditsAndAnotherPersonsIdIsNotFound() throws Exception {
        Long id = recorded(teacher, second, today);
        LessonObservation before = repository.findById(id).orElseThrow();
        Map<String, String> changed = fields(second, today);
        changed.put("suggestions", "改过的意见");
        changed.put("version", String.valueOf(before.getVersion()));

        for (String stranger : List.of(second, leader, outsider, OFFICE)) {
            MockHttpServletRequestBuilder edit = post("/observations/" + id + "/edit").with(csrf());
            changed.forEach(edit::param);
            mvc.perform(edit.with(web.as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get("/observations/" + id + "/edit").with(web.as(stranger))).andExpect(status().isNotFound());
        }
        assertThat(repository.findById(id).orElseThrow().getSuggestions()).isEqualTo(before.getSuggestions());

        MockHttpServletRequestBuilder edit = post("/observations/" + id + "/edit").with(csrf());
        changed.forEach(edit::param);
        mvc.perform(edit.with(web.as(teacher))).andExpect(status().is3xxRedirection());
        assertThat(repository.findById(id).orElseThrow().getSuggestions()).isEqualTo("改过的意见");

        // the same page sent again (its version is now stale): a clear message, nothing changed
        changed.put("suggestions", "又改了一次");
        MockHttpServletRequestBuilder stale = post("/observations/" + id + "/edit").with(csrf());
        changed.forEach(stale::param);
        mvc.perform(stale.with(web.as(teacher))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("刚在别处被修改过")));
        assertThat(repository.findById(id).orElseThrow().getSuggestions()).isEqualTo("改过的意见");
    }

    @Test
    void theObservedTeacherReadsTheSuggestionsAndStrangersReadNothing() throws Exception {
        Long id = recorded(teacher, second, today);
        String suggestion = "小组讨论时间可以再长一些 " + suffix;

        mvc.perform(get("/observations/about-me").with(web.as(second)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(suggestion)))
                .andExpect(content().string(containsString("教师" + suffix)));
        mvc.perform(get("/observations/about-me").with(web.as(outsider)))
                .andExpect(content().string(not(containsString(suggestion))));

        for (String reader : List.of(teacher, second, leader, OFFICE, "liu.hua")) {
            mvc.perform(get("/observations/" + id).with(web.as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(suggestion)));
        }
        for (String stranger : List.of(outsider, otherLeader)) {
            mvc.perform(get("/observations/" + id).with(web.as(stranger))).andExpect(status().isNotFound());
        }
        // one person's records: their leader, the principal and the office; another leader does not find them
        mvc.perform(get("/observations/of/" + teacher).with(web.as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString(suggestion)));
        mvc.perform(get("/observations/of/" + teacher).with(web.as(otherLeader))).andExpect(status().isNotFound());
        mvc.perform(get("/observations/of/" + teacher).with(web.as(second))).andExpect(status().isForbidden());
    }

    // ---- the term so far -----------------------------------------------------------------------------

    @Test
    void theLeaderSeesHisGroupSoFarAndExportsIt() throws Exception {
        recorded(teacher, second, today);
        recorded(teacher, leader, today);
        recorded(outsider, otherLeader, today);

        MvcResult csv = mvc.perform(get("/observations/group.csv").with(web.as(leader)))
                .andExpect(status().isOk()).andReturn();
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF用户名,姓名,教研组");
        Person person = directory.get(teacher);
        String expectedQuota = String.valueOf(observations.tally(List.of(teacher),
                school.training.ledger.Term.containing(today).start(), today).get(teacher).quota());
        assertThat(text).contains(teacher + "," + person.getName() + ",听课组" + suffix + ",,2," + expectedQuota + ",");
        assertThat(text).contains(second + ",二号" + suffix).doesNotContain(outsider).contains("听课组" + suffix + ",,,,,0,4");

        mvc.perform(get("/observations/group").with(web.as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("row-" + teacher)))
                .andExpect(content().string(not(containsString("row-" + outsider))));
        // a leader does not see another group; a teacher sees no overview
        mvc.perform(get("/observations/group").param("group", "oo" + suffix).with(web.as(leader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/observations/group.csv").with(web.as(teacher))).andExpect(status().isForbidden());
        // the office chooses any group
        mvc.perform(get("/observations/group").param("group", "oo" + suffix).with(web.as(OFFICE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("row-" + outsider)));
    }
}
