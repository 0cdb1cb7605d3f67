package school.training.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.records.WaitingByAge;
import school.training.web.Statements;

/**
 * The dashboard's lists on many records in the app's own engine. The context is shared with other
 * tests, so every assertion looks only at the requests this test created (a unique title prefix).
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DashboardQueriesTests {

    private static final List<String> TEACHERS = List.of("li.na", "dong.lei", "cai.xinyi", "zhou.tao", "yu.haiyan",
            "yang.xinyi", "han.jingyi", "zhang.haiyan");
    private static final Set<String> MATH = Set.of("zhou.tao", "yu.haiyan", "yang.xinyi");

    @Autowired
    OfficeDashboard dashboard;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    Trips trips;
    String prefix;
    LocalDate today;

    @BeforeEach
    void setUp() {
        trips = new Trips(identityService, runtimeService, taskService, managementService);
        prefix = "DQT-" + UUID.randomUUID().toString().substring(0, 8) + " ";
        today = LocalDate.now().plusDays(40); // a day of our own, clear of real dates
        Trips.setClock(today.atTime(10, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sixtyTripsOverSeveralGroupsAreUnderWayOrReturningTodayByTheirDates() {
        // given: five kinds of trip, twelve of each, over three teaching groups
        Set<String> underWay = new HashSet<>();
        Set<String> returningToday = new HashSet<>();
        Set<String> mathUnderWay = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String teacher = TEACHERS.get(i % TEACHERS.size());
            LocalDate[] dates = switch (i % 5) {
                case 0 -> new LocalDate[] { today.minusDays(2), today.plusDays(1) }; // away
                case 1 -> new LocalDate[] { today, today.plusDays(2) }; // leaves today
                case 2 -> new LocalDate[] { today.minusDays(1), today }; // comes back today
                case 3 -> new LocalDate[] { today.plusDays(3), today.plusDays(4) }; // not yet
                default -> new LocalDate[] { today.minusDays(6), today.minusDays(4) }; // over (timer not run yet)
            };
            String id = trips.registered(teacher, prefix + i, dates[0], dates[1]);
            if (i % 5 <= 2) {
                underWay.add(id);
                if (MATH.contains(teacher)) {
                    mathUnderWay.add(id);
                }
            }
            if (i % 5 == 2) {
                returningToday.add(id);
                if (i % 10 == 2) {
                    // the trip-end timer fired at midnight, as the job executor does: the report-back has begun,
                    // and the trip is still coming back today
                    trips.reportBack(id);
                }
            }
        }

        // and a long secondment: trips are looked up by their start within the last year, this one is in it
        underWay.add(trips.registered("li.na", prefix + "long", today.minusMonths(11), today.plusMonths(1)));

        // then
        assertThat(mine(dashboard.rows(Section.UNDER_WAY, null))).extracting(DashboardRow::requestId)
                .containsExactlyInAnyOrderElementsOf(underWay);
        assertThat(mine(dashboard.rows(Section.RETURNING_TODAY, null))).extracting(DashboardRow::requestId)
                .containsExactlyInAnyOrderElementsOf(returningToday)
                .allSatisfy(id -> assertThat(underWay).contains(id));
        List<DashboardRow> math = mine(dashboard.rows(Section.UNDER_WAY, "math"));
        assertThat(math).extracting(DashboardRow::requestId).containsExactlyInAnyOrderElementsOf(mathUnderWay);
        assertThat(math).allSatisfy(row -> {
            assertThat(row.groupId()).isEqualTo("math");
            assertThat(MATH).contains(row.teacherId());
        });
        assertThat(mine(dashboard.rows(Section.UNDER_WAY, null))).filteredOn(r -> r.teacherId().equals("zhou.tao"))
                .allSatisfy(r -> {
                    assertThat(r.teacherName()).isEqualTo("周涛");
                    assertThat(r.group().getName()).isEqualTo("数学组");
                });
    }

    @Test
    void overdueCheckInsAndReportsShowDaysOverdueMostOverdueFirst() {
        // given: zhou.tao never checked in after a trip 5 days ago; li.na checked in after a trip 10 days
        // ago but her report was due 3 days ago; dong.lei returns today and has until 23:59
        String lateCheckIn = trips.reportBack(trips.registered("zhou.tao", prefix + "late check-in",
                today.minusDays(6), today.minusDays(5)));
        String lateReport = trips.reportBack(trips.registered("li.na", prefix + "late report",
                today.minusDays(11), today.minusDays(10)));
        trips.checkIn(lateReport);
        String dueToday = trips.reportBack(trips.registered("dong.lei", prefix + "due today",
                today.minusDays(1), today));

        // then
        List<DashboardRow> overdue = mine(dashboard.rows(Section.OVERDUE, null));
        assertThat(overdue).extracting(DashboardRow::requestId).containsExactly(lateCheckIn, lateReport);
        assertThat(overdue).extracting(DashboardRow::step).containsExactly("returnCheckIn", "submitReport");
        assertThat(overdue).extracting(DashboardRow::days).containsExactly(5L, 3L);
        assertThat(overdue.get(1).due()).isEqualTo(today.minusDays(3).atTime(LocalTime.of(23, 59)));
        assertThat(overdue).extracting(DashboardRow::teacherName).containsExactly("周涛", "李娜");

        assertThat(mine(dashboard.rows(Section.CHECK_INS_TODAY, null))).extracting(DashboardRow::requestId)
                .containsExactly(dueToday);
        assertThat(mine(dashboard.rows(Section.OVERDUE, "math"))).extracting(DashboardRow::requestId)
                .containsExactly(lateCheckIn);
        assertThat(mine(dashboard.rows(Section.OVERDUE, "chinese"))).extracting(DashboardRow::requestId)
                .containsExactly(lateReport);

        // when dong.lei's deadline passes at midnight
        Trips.setClock(today.plusDays(1).atTime(0, 30));

        // then he is overdue too, and nothing is due today any more
        assertThat(mine(dashboard.rows(Section.OVERDUE, null))).extracting(DashboardRow::requestId)
                .containsExactly(lateCheckIn, lateReport, dueToday);
        assertThat(mine(dashboard.rows(Section.CHECK_INS_TODAY, null))).isEmpty();
    }

    @Test
    void reportsWaitingForReviewReimbursementsAndApprovalsShowWhoAndHowLong() {
        // given: a request sent three days ago, a report submitted, a report accepted
        Trips.setClock(today.minusDays(3).atTime(9, 0));
        String waiting = trips.requested("li.na", prefix + "waiting", today.plusDays(20), today.plusDays(21));
        Trips.setClock(today.atTime(10, 0));
        String submitted = reportWaitingForReview("submitted");
        String accepted = reportWaitingForReimbursement("accepted");

        // then
        List<DashboardRow> approvals = mine(dashboard.rows(Section.APPROVALS, null));
        assertThat(approvals).extracting(DashboardRow::requestId).containsExactly(waiting);
        assertThat(approvals.get(0).step()).isEqualTo("leaderReview");
        assertThat(approvals.get(0).days()).isEqualTo(3L);
        assertThat(approvals.get(0).assignee()).isEqualTo("陈静");
        assertThat(mine(dashboard.rows(Section.APPROVALS, "math"))).isEmpty();

        List<DashboardRow> reviews = mine(dashboard.rows(Section.REVIEWS, null));
        assertThat(reviews).extracting(DashboardRow::requestId).containsExactly(submitted);
        assertThat(reviews.get(0).assignee()).isEqualTo("孙伟");
        assertThat(mine(dashboard.rows(Section.REVIEWS, "chinese"))).isEmpty();

        List<DashboardRow> reimbursements = mine(dashboard.rows(Section.REIMBURSEMENTS, null));
        assertThat(reimbursements).extracting(DashboardRow::requestId).containsExactly(accepted);
        // 超支不补: transport 150 against 100 approved is paid as 100, lodging 280, fees 200
        assertThat(reimbursements.get(0).amount()).isEqualByComparingTo(new BigDecimal("580.00"));
    }

    @Test
    void theWholeBoardIsReadInOneTransactionWithOneQueryForItsTasksAndOneForWhoHoldsThem() throws Exception {
        // given: requests waiting in three of the sections that show a waiting step
        trips.requested("li.na", prefix + "approval", today.plusDays(20), today.plusDays(21));
        reportWaitingForReview("review");
        reportWaitingForReimbursement("reimbursement");

        // when the office opens the dashboard
        Statements.Cost<OfficeDashboard.Board> board = Statements.count(() -> dashboard.board(null, null, 0));

        // then every section comes from one transaction, the open tasks of all its rows from one query, and the
        // people holding them are named by one more (not one of each per section)
        assertThat(board.result().slices()).extracting(OfficeDashboard.Slice::section)
                .containsExactly(Section.values());
        assertThat(board.result().slices().stream().filter(slice -> !slice.rows().isEmpty()).count())
                .isGreaterThanOrEqualTo(3);
        assertThat(board.result().slices().stream().flatMap(slice -> slice.rows().stream())
                .anyMatch(row -> row.assignee() != null)).isTrue();
        assertThat(board.connections()).isOne();
        assertThat(board.sent("from ACT_RU_TASK")).isOne();
        assertThat(board.sent("from person")).isOne();
        assertThat(board.sent("from teaching_group")).isOne();
    }

    @Test
    void approvalsWaitingAreCountedByAgeInOneQueryAsTheTableCountsTheirDays() throws Exception {
        // given: the counts before (the context is shared), then eleven requests sent at known times before now
        LocalDateTime now = today.atTime(10, 0);
        WaitingByAge school = dashboard.approvalAges(null);
        WaitingByAge math = dashboard.approvalAges("math");
        Trips.setClock(now.plusDays(1));
        WaitingByAge schoolTomorrow = dashboard.approvalAges(null);
        Duration[] ages = { Duration.ofHours(1), Duration.ofHours(23).plusMinutes(59), // under a day
                Duration.ofDays(1), Duration.ofDays(3).minusMinutes(1), // 1–2 days
                Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(8).minusMinutes(1), // 3–7 days
                Duration.ofDays(8), Duration.ofDays(30) }; // more than 7 days
        int[] bands = { 0, 0, 1, 1, 2, 2, 2, 3, 3 };
        long[] expected = new long[4];
        long[] expectedMath = new long[4];
        for (int i = 0; i < ages.length; i++) {
            String teacher = i % 3 == 0 ? "zhou.tao" : "li.na"; // 数学组 and 语文组
            Trips.setClock(now.minus(ages[i]));
            trips.requested(teacher, prefix + "age " + i, today.plusDays(20), today.plusDays(21));
            expected[bands[i]]++;
            if (teacher.equals("zhou.tao")) {
                expectedMath[bands[i]]++;
            }
        }
        // approved and registered long ago: no longer waiting for an approval, not counted
        Trips.setClock(now.minusDays(10));
        trips.registered("li.na", prefix + "registered", today.plusDays(20), today.plusDays(21));
        Trips.setClock(now);

        // when
        Statements.Cost<WaitingByAge> cost = Statements.count(() -> dashboard.approvalAges(null));

        // then: one statement, whatever the number of requests, and the bands grew by what was sent
        assertThat(cost.statements()).isEqualTo(1);
        assertThat(difference(cost.result(), school)).containsExactly(expected);
        assertThat(difference(dashboard.approvalAges("math"), math)).containsExactly(expectedMath);
        // the same bands as the approvals table's "days waiting" column
        long[] fromTable = new long[4];
        mine(dashboard.rows(Section.APPROVALS, null)).forEach(row -> fromTable[WaitingByAge.band(row.days())]++);
        assertThat(fromTable).containsExactly(expected);
        // the board's approvals are counted by the same query: its total is every approval waiting, in one page's
        // worth of statements less
        OfficeDashboard.Board board = dashboard.board(null, null, 0);
        OfficeDashboard.Slice approvals = board.slices().stream().filter(slice -> slice.section() == Section.APPROVALS)
                .findFirst().orElseThrow();
        assertThat(approvals.total()).isEqualTo(board.approvalAges().all())
                .isEqualTo(dashboard.rows(Section.APPROVALS, null).size())
                .isEqualTo(board.approvalAges().counts().stream().mapToLong(Long::longValue).sum());

        // a day later everything has aged by one day
        Trips.setClock(now.plusDays(1));
        assertThat(difference(dashboard.approvalAges(null), schoolTomorrow)).containsExactly(0, 3, 3, 3);
    }

    @Test
    void theApprovalsAreCountedOnceWhileNothingChangesAndAgainAtOnceWhenARequestDoes() throws Exception {
        // given: the chart counted once (the context is shared: whatever other tests left)
        WaitingByAge before = dashboard.approvalAges(null);

        // when the dashboard is shown again and again within the same seconds, nothing having changed
        Statements.Cost<WaitingByAge> again = Statements.count(() -> dashboard.approvalAges(null));

        // then the count is not made again
        assertThat(again.statements()).isZero();
        assertThat(again.result()).isEqualTo(before);

        // when a teacher sends a request (a change to the read model on this node)
        trips.requested("li.na", prefix + "counted at once", today.plusDays(20), today.plusDays(21));
        Statements.Cost<WaitingByAge> afterRequest = Statements.count(() -> dashboard.approvalAges(null));

        // then the next dashboard counts again and shows it, without waiting for the count to age
        assertThat(afterRequest.statements()).isEqualTo(1);
        assertThat(difference(afterRequest.result(), before)).containsExactly(1, 0, 0, 0);
        // a group's count is kept apart from the school's
        assertThat(Statements.count(() -> dashboard.approvalAges("math")).statements()).isEqualTo(1);
        assertThat(Statements.count(() -> dashboard.approvalAges(null)).statements()).isZero();

        // when the kept count is older than training.dashboard.counts-fresh-for (10 s), even with no change here
        // (another node's change, or the requests simply aging into the next band)
        Trips.setClock(today.atTime(10, 0, 11));

        // then it is counted again
        assertThat(Statements.count(() -> dashboard.approvalAges(null)).statements()).isEqualTo(1);
    }

    @Test
    void aStaleCountOpenedByAFullOfficeAtOnceIsCountedOnceNotOncePerPage() throws Exception {
        // given: the count made, then aged past training.dashboard.counts-fresh-for
        dashboard.approvalAges(null);
        Trips.setClock(today.atTime(10, 0, 30));

        // when eight people open the dashboard at the same moment
        int people = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(people);
        java.util.concurrent.ExecutorService office = java.util.concurrent.Executors.newFixedThreadPool(people);
        try {
            List<java.util.concurrent.Future<Statements.Cost<WaitingByAge>>> pages = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                pages.add(office.submit(() -> {
                    together.await();
                    return Statements.count(() -> dashboard.approvalAges(null));
                }));
            }
            int statements = 0;
            Set<WaitingByAge> answers = new HashSet<>();
            for (var page : pages) {
                statements += page.get(30, java.util.concurrent.TimeUnit.SECONDS).statements();
                answers.add(page.get().result());
            }

            // then one of them counts and the others are given that count
            assertThat(statements).isEqualTo(1);
            assertThat(answers).hasSize(1);
        } finally {
            office.shutdownNow();
        }
    }

    /** yu.haiyan's trip (math) came back three days ago; her report waits for her leader's review. */
    private String reportWaitingForReview(String title) {
        String report = trips.reportBack(trips.registered("yu.haiyan", prefix + title, today.minusDays(3),
                today.minusDays(2)));
        trips.checkIn(report);
        trips.submitReport(report);
        return report;
    }

    /** cai.xinyi's report was accepted; her expenses wait for the office to settle them. */
    private String reportWaitingForReimbursement(String title) {
        String report = trips.reportBack(trips.registered("cai.xinyi", prefix + title, today.minusDays(4),
                today.minusDays(3)));
        trips.checkIn(report);
        trips.submitReport(report);
        trips.accept(report);
        return report;
    }

    private static long[] difference(WaitingByAge after, WaitingByAge before) {
        List<Long> a = after.counts();
        List<Long> b = before.counts();
        return new long[] { a.get(0) - b.get(0), a.get(1) - b.get(1), a.get(2) - b.get(2), a.get(3) - b.get(3) };
    }

    private List<DashboardRow> mine(List<DashboardRow> rows) {
        return new ArrayList<>(rows.stream().filter(r -> r.title() != null && r.title().startsWith(prefix)).toList());
    }
}
