package school.training.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.ledger.Category;
import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.tasklist.WebFixtures;
import school.training.web.Statements;

/**
 * 校本培训 through its pages: who may plan and organize, the roll, sign-in codes, leave, and closing, which
 * credits attended hours to the ledger exactly once. Every test makes its own groups and people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class TrainingsTests {

    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    Trainings trainings;
    @Autowired
    TrainingProjectRepository projects;
    @Autowired
    TrainingSessionRepository sessions;
    @Autowired
    AttendanceRepository attendances;
    @Autowired
    LeaveRequestRepository leaves;
    @Autowired
    TrainingResultRepository results;
    @Autowired
    Clock clock;

    WebFixtures web;
    TrainingFixtures school;

    @BeforeEach
    void aSchoolOfItsOwn() {
        web = new WebFixtures(identityService);
        school = new TrainingFixtures(directory);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    // ---- hours -------------------------------------------------------------------------------------

    @Test
    void closingCreditsTheAttendedHoursOnceAndNothingForAbsences() throws Exception {
        LocalDate first = LocalDate.now(clock).minusDays(3);
        Long id = TrainingFixtures.planned(mvc, school.plan("集中培训 " + school.suffix, first), web.as(OFFICE));
        List<TrainingSession> two = projects.findById(id).orElseThrow().getSessions();
        // session 1: teacher present, second absent, third late; session 2: all present but second excused
        roll(id, two.get(0).getId(), OFFICE, Map.of(school.second, "ABSENT", school.third, "LATE"), Map.of())
                .andExpect(status().is3xxRedirection());
        roll(id, two.get(1).getId(), OFFICE, Map.of(school.second, "EXCUSED"), Map.of(school.second, "病假"))
                .andExpect(status().is3xxRedirection());
        assess(id, OFFICE, Map.of(school.teacher, "EXCELLENT"));

        mvc.perform(post("/trainings/" + id + "/close").with(csrf()).with(web.as(OFFICE)))
                .andExpect(status().is3xxRedirection());

        assertThat(hoursOf(school.teacher, id)).isEqualByComparingTo("5.0");
        assertThat(hoursOf(school.leader, id)).isEqualByComparingTo("5.0");
        assertThat(hoursOf(school.third, id)).as("late counts FULL by default").isEqualByComparingTo("5.0");
        assertThat(ledger.entriesOf(school.second)).as("absent and excused earn nothing").isEmpty();
        LedgerEntry entry = ledger.entriesOf(school.teacher).get(0);
        assertThat(entry.getCategory()).isEqualTo(Category.CENTRALIZED);
        assertThat(entry.getDate()).as("the last session's date").isEqualTo(first.plusDays(1));
        assertThat(entry.getSource()).isEqualTo(Trainings.LEDGER_SOURCE);

        // a closed project is read-only: another roll changes nothing
        roll(id, two.get(0).getId(), OFFICE, Map.of(school.teacher, "ABSENT"), Map.of());
        assertThat(attendances.findBySessionIdAndTeacherId(two.get(0).getId(), school.teacher).orElseThrow()
                .getStatus()).isEqualTo(AttendanceStatus.PRESENT);
        // closing again credits nothing more
        mvc.perform(post("/trainings/" + id + "/close").with(csrf()).with(web.as(OFFICE)));
        assertThat(ledger.entriesOf(school.teacher)).hasSize(1);
    }

    @Test
    void lateCountsAsTheSettingSays() throws Exception {
        Long id = TrainingFixtures.planned(mvc, school.plan("迟到 " + school.suffix, LocalDate.now(clock).minusDays(5)),
                web.as(OFFICE));
        TrainingProject project = projects.findById(id).orElseThrow();
        roll(id, project.getSessions().get(0).getId(), OFFICE, Map.of(school.teacher, "LATE"), Map.of());
        roll(id, project.getSessions().get(1).getId(), OFFICE, Map.of(school.teacher, "LATE"), Map.of());
        var attendance = trainings.attendance(project);
        for (var late : Map.of(TrainingSettings.LateCounts.FULL, "5", TrainingSettings.LateCounts.HALF, "2.5",
                TrainingSettings.LateCounts.NONE, "0").entrySet()) {
            Trainings withSetting = new Trainings(projects, sessions, attendances, leaves, results, directory, ledger,
                    new TrainingSettings(late.getKey()), clock);
            assertThat(withSetting.attendedHours(project, attendance, school.teacher)).as(late.getKey().name())
                    .isEqualByComparingTo(late.getValue());
        }
    }

    @Test
    void twoClosesAtOnceCreditOnce() throws Exception {
        Long id = TrainingFixtures.planned(mvc, school.plan("并发结项 " + school.suffix, LocalDate.now(clock).minusDays(5)),
                web.as(OFFICE));
        TrainingProject project = projects.findById(id).orElseThrow();
        for (TrainingSession session : project.getSessions()) {
            roll(id, session.getId(), OFFICE, Map.of(), Map.of());
        }
        assess(id, OFFICE, Map.of());
        Who office = new Who(OFFICE, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> close = () -> trainings.close(office, id);
            List<Future<Integer>> both = pool.invokeAll(List.of(close, close));
            int credited = both.get(0).get() + both.get(1).get();
            assertThat(credited).as("one close credits the four, the other finds it closed").isEqualTo(4);
        } finally {
            pool.shutdown();
        }
        for (String teacher : school.group()) {
            assertThat(ledger.entriesOf(teacher)).hasSize(1);
            assertThat(hoursOf(teacher, id)).isEqualByComparingTo("5.0");
        }
    }

    @Test
    void closingNeedsEveryResult() throws Exception {
        Long id = TrainingFixtures.planned(mvc, school.plan("未登记 " + school.suffix, LocalDate.now(clock).minusDays(5)),
                web.as(OFFICE));
        roll(id, projects.findById(id).orElseThrow().getSessions().get(0).getId(), OFFICE, Map.of(), Map.of());
        mvc.perform(post("/trainings/" + id + "/close").with(csrf()).with(web.as(OFFICE)));
        assertThat(projects.findById(id).orElseThrow().isClosed()).isFalse();
        assertThat(ledger.entriesOf(school.teacher)).isEmpty();
    }

    // ---- sign-in -----------------------------------------------------------------------------------

    @Test
    void theSignInCodeWorksOnlyDuringTheSessionAndOnlyForParticipants() throws Exception {
        LocalDate day = LocalDate.now(clock).plusDays(2);
        Long id = TrainingFixtures.planned(mvc, school.plan("签到 " + school.suffix, day), web.as(OFFICE));
        TrainingSession session = projects.findById(id).orElseThrow().getSessions().get(0);
        String code = session.getSignInCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        at(day.atTime(13, 44));
        signIn(id, session, school.teacher, code).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不在签到时间内")));
        at(day.atTime(13, 50));
        signIn(id, session, school.teacher, wrong).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("签到码不对")));
        signIn(id, session, school.outsider, code).andExpect(status().isNotFound());
        signIn(id, session, OFFICE, code).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不在本次培训的参加人员中")));
        at(day.atTime(16, 1));
        signIn(id, session, school.second, code).andExpect(status().isUnprocessableEntity());
        assertThat(attendances.findBySessionIdIn(List.of(session.getId()))).as("nothing recorded").isEmpty();

        at(day.atTime(13, 50));
        signIn(id, session, school.teacher, code).andExpect(status().is3xxRedirection());
        at(day.atTime(14, 10));
        signIn(id, session, school.third, " " + code + " ").andExpect(status().is3xxRedirection());
        assertThat(attendances.findBySessionIdAndTeacherId(session.getId(), school.teacher).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.PRESENT);
        assertThat(attendances.findBySessionIdAndTeacherId(session.getId(), school.third).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.LATE);
        assertThat(attendances.findBySessionIdIn(List.of(session.getId()))).hasSize(2);
    }

    @Test
    void fiveWrongCodesEndSelfSignInForThatSessionEvenWithTheRightOneAfter() throws Exception {
        LocalDate day = LocalDate.now(clock).plusDays(2);
        Long id = TrainingFixtures.planned(mvc, school.plan("猜码 " + school.suffix, day), web.as(OFFICE));
        TrainingSession session = projects.findById(id).orElseThrow().getSessions().get(0);
        String code = session.getSignInCode();

        at(day.atTime(13, 50));
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
            signIn(id, session, school.teacher, wrong).andExpect(status().isUnprocessableEntity());
        }
        signIn(id, session, school.teacher, code).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("输错次数过多")));
        assertThat(attendances.findBySessionIdAndTeacherId(session.getId(), school.teacher)).isEmpty();
        // a colleague who typed it right is not affected
        signIn(id, session, school.third, code).andExpect(status().is3xxRedirection());
    }

    // ---- leave -------------------------------------------------------------------------------------

    @Test
    void leaveIsAskedBeforeTheSessionAndApprovedMeansExcused() throws Exception {
        LocalDate day = LocalDate.now(clock).plusDays(2);
        Long id = TrainingFixtures.planned(mvc, school.plan("请假 " + school.suffix, day), web.as(OFFICE));
        List<TrainingSession> two = projects.findById(id).orElseThrow().getSessions();
        TrainingSession first = two.get(0);

        at(day.atTime(14, 0));
        askLeave(id, first, school.teacher, "发烧").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("培训已开始")));
        at(day.atTime(10, 0));
        askLeave(id, first, school.teacher, " ").andExpect(status().isUnprocessableEntity());
        askLeave(id, first, school.teacher, "发烧").andExpect(status().is3xxRedirection());
        askLeave(id, first, school.teacher, "还是发烧").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已请过假")));
        askLeave(id, first, school.second, "家里有事").andExpect(status().is3xxRedirection());
        askLeave(id, two.get(1), school.third, "外出").andExpect(status().is3xxRedirection());
        assertThat(leaves.findByProjectIdOrderByAskedAt(id)).hasSize(3);

        LeaveRequest fever = leaves.findBySessionIdAndTeacherId(first.getId(), school.teacher).orElseThrow();
        LeaveRequest family = leaves.findBySessionIdAndTeacherId(first.getId(), school.second).orElseThrow();
        LeaveRequest away = leaves.findBySessionIdAndTeacherId(two.get(1).getId(), school.third).orElseThrow();
        // a teacher cannot decide a leave, not even their own
        decide(id, fever, school.teacher, "approve").andExpect(status().isNotFound());
        decide(id, fever, OFFICE, "approve");
        decide(id, family, OFFICE, "refuse");
        decide(id, away, OFFICE, "refuse");
        assertThat(attendances.findBySessionIdAndTeacherId(first.getId(), school.teacher).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(attendances.findBySessionIdAndTeacherId(first.getId(), school.second)).isEmpty();

        // the roll page starts from the approved leave; a refused one is absent unless marked present
        mvc.perform(get("/trainings/" + id + "/sessions/" + first.getId() + "/roll").with(web.as(OFFICE)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"status-" + school.teacher + "-EXCUSED\" checked")));
        roll(id, first.getId(), OFFICE, Map.of(school.teacher, "EXCUSED", school.second, "ABSENT"),
                Map.of(school.teacher, "发烧"));
        mvc.perform(get("/trainings/" + id + "/sessions/" + two.get(1).getId() + "/roll").with(web.as(OFFICE)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"status-" + school.third + "-ABSENT\" checked")));
        roll(id, two.get(1).getId(), OFFICE, Map.of(school.third, "PRESENT"), Map.of());
        assertThat(attendances.findBySessionIdAndTeacherId(first.getId(), school.second).orElseThrow().getStatus())
                .isEqualTo(AttendanceStatus.ABSENT);
        assertThat(attendances.findBySessionIdAndTeacherId(two.get(1).getId(), school.third).orElseThrow().getStatus())
                .as("refused, then marked present").isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void anExcusedPersonNeedsAReasonAndTheRollKeepsWhatWasTyped() throws Exception {
        Long id = TrainingFixtures.planned(mvc, school.plan("理由 " + school.suffix, LocalDate.now(clock)), web.as(OFFICE));
        TrainingSession session = projects.findById(id).orElseThrow().getSessions().get(0);
        roll(id, session.getId(), OFFICE, Map.of(school.teacher, "EXCUSED", school.second, "ABSENT"), Map.of())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写请假理由")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"status-" + school.second + "-ABSENT\" checked")));
        assertThat(attendances.findBySessionIdIn(List.of(session.getId()))).isEmpty();
    }

    // ---- who may do what ---------------------------------------------------------------------------

    @Test
    void aTeacherCannotPlanTakeTheRollOrOpenAnotherGroupsProject() throws Exception {
        mvc.perform(get("/trainings/new").with(web.as(school.teacher))).andExpect(status().isNotFound());
        long before = projects.count();
        mvc.perform(school.plan("教师安排 " + school.suffix, LocalDate.now(clock)).with(web.as(school.teacher)))
                .andExpect(status().isNotFound());
        assertThat(projects.count()).isEqualTo(before);

        Long id = TrainingFixtures.planned(mvc, school.plan("本组 " + school.suffix, LocalDate.now(clock)),
                web.as(school.leader));
        TrainingSession session = projects.findById(id).orElseThrow().getSessions().get(0);
        // a participant sees it, but may not take the roll, record results or close
        mvc.perform(get("/trainings/" + id).with(web.as(school.teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        session.getSignInCode()))));
        mvc.perform(get("/trainings/" + id + "/sessions/" + session.getId() + "/roll").with(web.as(school.teacher)))
                .andExpect(status().isNotFound());
        roll(id, session.getId(), school.teacher, Map.of(school.second, "ABSENT"), Map.of())
                .andExpect(status().isNotFound());
        mvc.perform(post("/trainings/" + id + "/results").with(csrf()).with(web.as(school.teacher))
                .param("result-" + school.teacher, "EXCELLENT")).andExpect(status().isNotFound());
        mvc.perform(post("/trainings/" + id + "/close").with(csrf()).with(web.as(school.teacher)))
                .andExpect(status().isNotFound());
        // someone from another group does not even see it; neither does their leader
        mvc.perform(get("/trainings/" + id).with(web.as(school.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/trainings/" + id).with(web.as(school.otherLeader))).andExpect(status().isNotFound());
        roll(id, session.getId(), school.otherLeader, Map.of(), Map.of()).andExpect(status().isNotFound());
        assertThat(attendances.findBySessionIdIn(List.of(session.getId()))).isEmpty();
        assertThat(results.findByProjectIdAndTeacherId(id, school.teacher).orElseThrow().getResult()).isNull();
        // the leader of the group and the office organize it
        roll(id, session.getId(), school.leader, Map.of(), Map.of()).andExpect(status().is3xxRedirection());
        roll(id, session.getId(), OFFICE, Map.of(school.second, "LATE"), Map.of()).andExpect(status().is3xxRedirection());
        assertThat(attendances.findBySessionIdIn(List.of(session.getId()))).hasSize(4);
    }

    @Test
    void aLeaderPlansForTheirOwnGroupOnly() throws Exception {
        mvc.perform(school.plan("别组 " + school.suffix, LocalDate.now(clock), Map.of("groups", school.otherGroup))
                .with(web.as(school.leader))).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("只能为本组安排培训")));
        mvc.perform(school.plan("全校 " + school.suffix, LocalDate.now(clock), Map.of("audience", "SCHOOL"))
                .with(web.as(school.leader))).andExpect(status().isUnprocessableEntity());
        mvc.perform(school.plan("指定 " + school.suffix, LocalDate.now(clock),
                Map.of("audience", "PEOPLE", "people", school.outsider)).with(web.as(school.leader)))
                .andExpect(status().isUnprocessableEntity());
        // the office plans for the other group; that group's leader is a participant, not an organizer
        Long officeOwn = TrainingFixtures.planned(mvc, school.plan("办公室 " + school.suffix, LocalDate.now(clock)),
                web.as(OFFICE));
        TrainingSession session = projects.findById(officeOwn).orElseThrow().getSessions().get(0);
        mvc.perform(get("/trainings/" + officeOwn).with(web.as(school.leader))).andExpect(status().isOk());
        roll(officeOwn, session.getId(), school.leader, Map.of(), Map.of()).andExpect(status().isNotFound());
    }

    @Test
    void badInputComesBackBesideItsFieldWithEverythingTyped() throws Exception {
        mvc.perform(school.plan("", LocalDate.now(clock),
                Map.of("sessions[1].hours", "abc", "sessions[0].end", "13:00")).with(web.as(OFFICE)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("学时须为")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("结束时间须晚于开始时间")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"多媒体教室\"")));
    }

    @Test
    void theSamePlanSentTwiceMakesOneProject() throws Exception {
        Map<String, String> samePage = Map.of("planToken", "token-" + school.suffix);
        Long first = TrainingFixtures.planned(mvc, school.plan("两次 " + school.suffix, LocalDate.now(clock), samePage),
                web.as(OFFICE));
        Long second = TrainingFixtures.planned(mvc, school.plan("两次 " + school.suffix, LocalDate.now(clock), samePage),
                web.as(OFFICE));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void participantsSeeTheirUpcomingSessionsOnTheHomePage() throws Exception {
        String title = "首页 " + school.suffix;
        TrainingFixtures.planned(mvc, school.plan(title, LocalDate.now(clock).plusDays(1)), web.as(OFFICE));
        mvc.perform(get("/").with(web.as(school.teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        mvc.perform(get("/trainings").with(web.as(school.teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        // a second project: the calendar reads its sessions with their projects' titles in one query, not a
        // query per project (each loading all its sessions again)
        String second = "首页二 " + school.suffix;
        TrainingFixtures.planned(mvc, school.plan(second, LocalDate.now(clock).plusDays(2)), web.as(OFFICE));
        var teacher = web.as(school.teacher);
        Statements.Cost<String> home = Statements.count(() -> mvc
                .perform(get("/").with(teacher)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(home.result()).contains(title).contains(second);
        assertThat(home.sent("from training_project")).isZero();
        assertThat(home.sent("join training_project")).isOne();
        mvc.perform(get("/").with(web.as(school.outsider))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(title))));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private BigDecimal hoursOf(String teacher, Long projectId) {
        return ledger.entriesOf(teacher).stream().filter(e -> e.getSourceId().equals(String.valueOf(projectId)))
                .map(LedgerEntry::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private org.springframework.test.web.servlet.ResultActions roll(Long id, Long sessionId, String as,
            Map<String, String> statuses, Map<String, String> reasons) throws Exception {
        MockHttpServletRequestBuilder request = post("/trainings/" + id + "/sessions/" + sessionId + "/roll")
                .with(csrf()).with(web.as(as));
        statuses.forEach((teacher, status) -> request.param("status-" + teacher, status));
        reasons.forEach((teacher, reason) -> request.param("reason-" + teacher, reason));
        return mvc.perform(request);
    }

    private void assess(Long id, String as, Map<String, String> results) throws Exception {
        MockHttpServletRequestBuilder request = post("/trainings/" + id + "/results").with(csrf()).with(web.as(as));
        for (String teacher : school.group()) {
            request.param("result-" + teacher, results.getOrDefault(teacher, "PASS"));
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions signIn(Long id, TrainingSession session, String as,
            String code) throws Exception {
        return mvc.perform(post("/trainings/" + id + "/sessions/" + session.getId() + "/sign-in").with(csrf())
                .with(web.as(as)).param("code", code));
    }

    private org.springframework.test.web.servlet.ResultActions askLeave(Long id, TrainingSession session, String as,
            String reason) throws Exception {
        return mvc.perform(post("/trainings/" + id + "/sessions/" + session.getId() + "/leave").with(csrf())
                .with(web.as(as)).param("reason", reason));
    }

    private org.springframework.test.web.servlet.ResultActions decide(Long id, LeaveRequest leave, String as,
            String decision) throws Exception {
        return mvc.perform(post("/trainings/" + id + "/leaves/" + leave.getId()).with(csrf()).with(web.as(as))
                .param("decision", decision));
    }
}
