package school.training.lessonplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import school.training.archive.ArchiveEntry;
import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.ledger.Term;
import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/**
 * 月度教案 through its pages: handing in (never ahead, files kept across a mistake), who may check whose plan,
 * returning with a comment and a redo date, two checkers at once, the tally the term review reads, the month-end
 * reminder and the group's CSV. The clock stands in term 1 of 2026–2027; every test makes its own groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class LessonPlansTests {

    private static final String OFFICE = "zhao.min";
    private static final String PRINCIPAL = "liu.hua";
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    LessonPlans lessonPlans;
    @Autowired
    MonthlyPlans plans;
    @Autowired
    MonthlyLessonPlanRepository repository;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    Notifications notifications;

    WebFixtures web;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String group = "lp" + suffix;
    final String leader = "lplead." + suffix;
    final String teacher = "lpteach." + suffix;
    final String second = "lpsecond." + suffix;
    final String otherGroup = "lpo" + suffix;
    final String otherLeader = "lpolead." + suffix;

    @BeforeEach
    void aGroupOfItsOwn() {
        web = new WebFixtures(identityService);
        directory.createTeachingGroup(group, "教案组" + suffix, "Plans " + suffix, 95);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(second, "二号" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.createTeachingGroup(otherGroup, "别组" + suffix, "Other " + suffix, 96);
        directory.register(otherLeader, "别组长" + suffix, Role.GROUP_LEADER, otherGroup, "数学", "demo");
        today(LocalDate.of(2026, 11, 20));
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    // ---- handing in --------------------------------------------------------------------------------

    @Test
    void aTeacherHandsInThisMonthAndLateMonthsButNeverAhead() throws Exception {
        hand(teacher, NOVEMBER, "《背影》").andExpect(status().is3xxRedirection());
        hand(teacher, SEPTEMBER, "补交九月").andExpect(status().is3xxRedirection());

        hand(teacher, DECEMBER, "提前交").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("month-error")));
        hand(teacher, YearMonth.of(2026, 8), "上学期的").andExpect(status().isUnprocessableEntity());
        assertThat(repository.findByTeacherIdAndMonthStartBetweenOrderByMonthStart(teacher, LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31))).extracting(MonthlyLessonPlan::getMonth).containsExactly(SEPTEMBER, NOVEMBER);

        // waiting for the leader: not again; the leader hears of it
        hand(teacher, NOVEMBER, "再交一次").andExpect(status().isUnprocessableEntity());
        assertThat(keys(leader)).contains("lessonplans.notify.submitted");

        mvc.perform(get("/lesson-plans").with(web.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("month-2026-10")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("《背影》")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("submit-2026-10")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("submit-2026-12"))));
        mvc.perform(get("/lesson-plans/submit").param("month", "2026-10").param("lang", "en").with(web.as(teacher)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("10/2026")));
        mvc.perform(get("/lesson-plans/submit").param("month", "2026-12").with(web.as(teacher)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "lessonplans.error.notOpen"));
        mvc.perform(get("/lesson-plans").param("term", "2025-2").with(web.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("month-2026-06")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("month-2026-07"))));
    }

    @Test
    void aFileIsKeptWhenAnotherFieldIsWrong() throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", "十一月教案.docx", "application/octet-stream",
                "教案内容".getBytes(StandardCharsets.UTF_8));
        MvcResult refused = mvc.perform(multipart("/lesson-plans/submit").file(file).param("month", NOVEMBER.toString())
                .param("title", "").param("reflection", "反思写了一半").with(csrf()).with(web.as(teacher)))
                .andExpect(status().isUnprocessableEntity()).andReturn();
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("title-error").contains("十一月教案.docx").contains("反思写了一半");
        assertThat(repository.findByTeacherIdAndMonthStart(teacher, NOVEMBER.atDay(1))).isEmpty();
        java.util.regex.Matcher kept = java.util.regex.Pattern
                .compile("name=\"attachmentIds\" value=\"([^\"]+)\"").matcher(page);
        assertThat(kept.find()).as("the upload comes back ticked").isTrue();

        // sent again with the kept file and a title, without choosing the file again: saved with it
        mvc.perform(multipart("/lesson-plans/submit").param("month", NOVEMBER.toString()).param("title", "《背影》")
                .param("attachmentIds", kept.group(1)).with(csrf()).with(web.as(teacher)))
                .andExpect(status().is3xxRedirection());
        MonthlyLessonPlan plan = repository.findByTeacherIdAndMonthStart(teacher, NOVEMBER.atDay(1)).orElseThrow();
        assertThat(plan.getAttachmentIds()).containsExactly(kept.group(1));
        assertThat(plan.getPlanText()).as("a file alone is a plan").isNull();

        // someone else's file id is not theirs to attach
        mvc.perform(multipart("/lesson-plans/submit").param("month", OCTOBER.toString()).param("title", "十月")
                .param("attachmentIds", kept.group(1)).with(csrf()).with(web.as(second)))
                .andExpect(status().isUnprocessableEntity());

        // the leader downloads it from the plan
        mvc.perform(get("/lesson-plans/plans/" + plan.getId() + "/files/" + kept.group(1)).with(web.as(leader)))
                .andExpect(status().isOk()).andExpect(content().bytes("教案内容".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/lesson-plans/plans/" + plan.getId() + "/files/" + kept.group(1)).with(web.as(otherLeader)))
                .andExpect(status().isNotFound());
    }

    // ---- checking ----------------------------------------------------------------------------------

    @Test
    void onlyTheTeachersLeaderOrThePrincipalChecksAndNobodyTheirOwn() throws Exception {
        Long plan = handed(teacher, NOVEMBER);
        Long leaders = handed(leader, NOVEMBER);

        // another teacher: as if the plan did not exist, reading or accepting
        mvc.perform(get("/lesson-plans/plans/" + plan).with(web.as(second))).andExpect(status().isNotFound());
        accept(second, plan).andExpect(status().isNotFound());
        // the teacher reads but does not accept their own
        mvc.perform(get("/lesson-plans/plans/" + plan).with(web.as(teacher))).andExpect(status().isOk());
        accept(teacher, plan).andExpect(status().isForbidden());
        // the leader of another group
        accept(otherLeader, plan).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-plans/group").param("group", group).with(web.as(otherLeader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lesson-plans/group").with(web.as(teacher))).andExpect(status().isForbidden());
        // the office reads, does not check
        mvc.perform(get("/lesson-plans/plans/" + plan).with(web.as(OFFICE))).andExpect(status().isOk());
        accept(OFFICE, plan).andExpect(status().isForbidden());
        // a leader's own plan: not by himself, by the principal (who was told)
        accept(leader, leaders).andExpect(status().isForbidden());
        assertThat(stateOf(plan)).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(stateOf(leaders)).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(keys(PRINCIPAL)).contains("lessonplans.notify.submitted");

        accept(PRINCIPAL, leaders).andExpect(status().is3xxRedirection());
        accept(leader, plan).andExpect(status().is3xxRedirection());
        assertThat(stateOf(plan)).isEqualTo(PlanStatus.ACCEPTED);
        assertThat(stateOf(leaders)).isEqualTo(PlanStatus.ACCEPTED);

        // accepted: written to the archive once, the teacher told, no change any more
        List<ArchiveEntry> entries = archive.entriesOf(teacher);
        assertThat(entries).extracting(ArchiveEntry::getKind)
                .containsExactlyInAnyOrder(ArchiveKind.EXCELLENT_LESSON_PLAN, ArchiveKind.REFLECTION);
        assertThat(entries).allMatch(e -> e.getSource().equals(MonthlyPlans.ARCHIVE_SOURCE)
                && e.getSourceId().equals(String.valueOf(plan)));
        assertThat(keys(teacher)).contains("lessonplans.notify.accepted");
        accept(leader, plan).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "lessonplans.error.checkedMeanwhile"));
        hand(teacher, NOVEMBER, "改一改").andExpect(status().isUnprocessableEntity());
        assertThat(archive.entriesOf(teacher)).hasSize(2);
    }

    @Test
    void returningNeedsACommentAndARedoDateNotInThePast() throws Exception {
        Long plan = handed(teacher, OCTOBER);

        giveBack(leader, plan, " ", "2026-11-27").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("comment-error")));
        giveBack(leader, plan, "目标不具体", "2026-11-19").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("redoBy-error")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("目标不具体")));
        giveBack(leader, plan, "目标不具体", "not a date").andExpect(status().isUnprocessableEntity());
        assertThat(stateOf(plan)).isEqualTo(PlanStatus.SUBMITTED);

        // the page offers a week from today
        mvc.perform(get("/lesson-plans/plans/" + plan).with(web.as(leader)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2026-11-27\"")));
        giveBack(leader, plan, "目标不具体，请重写", "2026-11-20").andExpect(status().is3xxRedirection());
        MonthlyLessonPlan returned = repository.findById(plan).orElseThrow();
        assertThat(returned.getStatus()).isEqualTo(PlanStatus.RETURNED);
        assertThat(returned.getLeaderComment()).isEqualTo("目标不具体，请重写");
        assertThat(returned.getRedoBy()).isEqualTo(LocalDate.of(2026, 11, 20));
        Notification told = notifications.latest(teacher, 5).stream()
                .filter(n -> n.getMessageKey().equals("lessonplans.notify.returned")).findFirst().orElseThrow();
        assertThat(told.getArgs()).contains("目标不具体，请重写");

        // redone in the same record, back to the leader
        hand(teacher, OCTOBER, "重写的十月教案").andExpect(status().is3xxRedirection());
        MonthlyLessonPlan redone = repository.findById(plan).orElseThrow();
        assertThat(redone.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(redone.getTitle()).isEqualTo("重写的十月教案");
    }

    @Test
    void twoCheckersAtOnceOneWinsTheOtherIsTold() throws Exception {
        Long plan = handed(teacher, NOVEMBER);
        long version = repository.findById(plan).orElseThrow().getVersion();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<MvcResult> accepting = () -> mvc.perform(post("/lesson-plans/plans/" + plan + "/accept")
                    .param("version", String.valueOf(version)).with(csrf()).with(web.as(leader))).andReturn();
            Callable<MvcResult> returning = () -> mvc.perform(post("/lesson-plans/plans/" + plan + "/return")
                    .param("version", String.valueOf(version)).param("comment", "重写").param("redoBy", "2026-11-30")
                    .with(csrf()).with(web.as(PRINCIPAL))).andReturn();
            List<MvcResult> both = new ArrayList<>();
            for (Future<MvcResult> f : pool.invokeAll(List.of(accepting, returning))) {
                both.add(f.get());
            }
            assertThat(both).allMatch(r -> r.getResponse().getStatus() == 302);
            assertThat(both.stream().filter(r -> "lessonplans.error.checkedMeanwhile"
                    .equals(r.getFlashMap().get("problem")))).hasSize(1);
            PlanStatus won = stateOf(plan);
            assertThat(won).isIn(PlanStatus.ACCEPTED, PlanStatus.RETURNED);
            assertThat(archive.entriesOf(teacher)).hasSize(won == PlanStatus.ACCEPTED ? 2 : 0);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the tally ---------------------------------------------------------------------------------

    @Test
    void onlyAcceptedMonthsCountAndAReturnedPlanIsMissingUntilAccepted() throws Exception {
        Term term = Term.containing(LocalDate.of(2026, 11, 20));
        accept(leader, handed(teacher, SEPTEMBER)).andExpect(status().is3xxRedirection());
        Long october = handed(teacher, OCTOBER);
        giveBack(leader, october, "请补充反思", "2026-11-25").andExpect(status().is3xxRedirection());
        handed(teacher, NOVEMBER);

        PlanTally tally = lessonPlans.tally(List.of(teacher, second), term.start(), term.end()).get(teacher);
        assertThat(tally.due()).containsExactly(SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER, YearMonth.of(2027, 1));
        assertThat(tally.accepted()).containsExactly(SEPTEMBER);
        assertThat(tally.missing()).as("returned and waiting count as missing").containsExactly(OCTOBER, NOVEMBER,
                DECEMBER, YearMonth.of(2027, 1));
        assertThat(lessonPlans.tally(List.of(second), term.start(), term.end()).get(second).missingCount()).isEqualTo(5);
        assertThat(lessonPlans.termSoFar(List.of(teacher)).get(teacher)).isEqualTo(new PlanProgress(3, 3, 1, 2));

        hand(teacher, OCTOBER, "重写").andExpect(status().is3xxRedirection());
        accept(leader, october).andExpect(status().is3xxRedirection());
        assertThat(lessonPlans.tally(List.of(teacher), term.start(), term.end()).get(teacher).accepted())
                .containsExactly(SEPTEMBER, OCTOBER);

        // the second term runs February to August: July and August are holidays, never due
        Term second = term.next();
        assertThat(lessonPlans.tally(List.of(teacher), second.start(), second.end()).get(teacher).due())
                .containsExactly(YearMonth.of(2027, 2), YearMonth.of(2027, 3), YearMonth.of(2027, 4),
                        YearMonth.of(2027, 5), YearMonth.of(2027, 6));
        today(LocalDate.of(2027, 7, 10));
        hand(teacher, YearMonth.of(2027, 7), "暑假").andExpect(status().isUnprocessableEntity());
    }

    // ---- the reminder ------------------------------------------------------------------------------

    @Test
    void theReminderGoesOutThreeDaysBeforeTheMonthEndsOnceAndNotToThoseWhoHandedIn() throws Exception {
        handed(second, NOVEMBER);
        today(LocalDate.of(2026, 11, 26));
        plans.remind();
        assertThat(keys(teacher)).as("four days before: not yet").doesNotContain("lessonplans.notify.reminder");

        today(LocalDate.of(2026, 11, 27));
        plans.remind();
        plans.remind();
        today(LocalDate.of(2026, 11, 28));
        plans.remind();
        assertThat(keys(teacher).stream().filter("lessonplans.notify.reminder"::equals)).hasSize(1);
        assertThat(keys(leader).stream().filter("lessonplans.notify.reminder"::equals)).hasSize(1);
        assertThat(keys(second)).doesNotContain("lessonplans.notify.reminder");
    }

    // ---- the grid and its export -------------------------------------------------------------------

    @Test
    void theGroupGridAndItsCsv() throws Exception {
        accept(leader, handed(teacher, SEPTEMBER)).andExpect(status().is3xxRedirection());
        handed(teacher, OCTOBER);

        mvc.perform(get("/lesson-plans/group").with(web.as(leader))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("row-" + teacher)));
        MvcResult csv = mvc.perform(get("/lesson-plans/group.csv").param("term", "2026-1").with(web.as(leader)))
                .andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("2026-09,2026-10,2026-11,2026-12,2027-01");
        assertThat(text).contains(teacher + ",教师" + suffix + ",已通过,待检查,本月待交,未到,未到,2,1,1");
        assertThat(text).contains(second + ",二号" + suffix + ",缺交,缺交,本月待交,未到,未到,0,0,2");

        // the office picks any group; another leader and a teacher cannot
        mvc.perform(get("/lesson-plans/group.csv").param("group", group).with(web.as(OFFICE)))
                .andExpect(status().isOk());
        mvc.perform(get("/lesson-plans/group.csv").param("group", group).with(web.as(otherLeader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lesson-plans/group.csv").with(web.as(teacher))).andExpect(status().isForbidden());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private ResultActions hand(String as, YearMonth month, String title) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/lesson-plans/submit");
        Map.of("month", month.toString(), "title", title, "planText", "一、教学目标……", "reflection", "课后反思……")
                .forEach(request::param);
        return mvc.perform(request.with(csrf()).with(web.as(as)));
    }

    private Long handed(String as, YearMonth month) throws Exception {
        hand(as, month, "教案 " + month).andExpect(status().is3xxRedirection());
        return repository.findByTeacherIdAndMonthStart(as, month.atDay(1)).orElseThrow().getId();
    }

    private ResultActions accept(String as, Long plan) throws Exception {
        return mvc.perform(post("/lesson-plans/plans/" + plan + "/accept").with(csrf()).with(web.as(as)));
    }

    private ResultActions giveBack(String as, Long plan, String comment, String redoBy) throws Exception {
        return mvc.perform(post("/lesson-plans/plans/" + plan + "/return").param("comment", comment)
                .param("redoBy", redoBy).with(csrf()).with(web.as(as)));
    }

    private PlanStatus stateOf(Long plan) {
        return repository.findById(plan).orElseThrow().getStatus();
    }

    private List<String> keys(String recipient) {
        return notifications.latest(recipient, 50).stream().map(Notification::getMessageKey).toList();
    }

    private static void today(LocalDate date) {
        ClockUtil.setCurrentTime(Date.from(date.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }
}
