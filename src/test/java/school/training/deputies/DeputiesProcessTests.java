package school.training.deputies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;

/**
 * Deputies in the app's own engine: chen.jing (语文组 leader) is away and sun.wei approves for her. A
 * deputy receives tasks in the period only, gets her open ones only when she asks, gives back what he
 * holds when it ends or is cancelled, and never gets a request of his own.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DeputiesProcessTests {

    private static final String LEADER_REVIEW = "leaderReview";

    @Autowired
    Deputies deputies;
    @Autowired
    DeputyshipRepository deputyships;
    @Autowired
    DeputyshipCheck check;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Directory directory;

    DeputyFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new DeputyFixtures(deputies, deputyships, identityService, runtimeService, taskService);
        fixtures.forgetAll();
        today = deputies.today();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        fixtures.forgetAll();
    }

    @Test
    void aDeputyReceivesTasksInThePeriodOnly() {
        // given chen.jing away from tomorrow for three days, sun.wei her deputy
        fixtures.name("chen.jing", "sun.wei", today.plusDays(1), today.plusDays(3), false);

        // when li.na asks today, then tomorrow, then after the period
        ProcessInstance beforeIt = fixtures.request("li.na");
        laterBy(1);
        ProcessInstance inIt = fixtures.request("li.na");
        assertHeldBy(fixtures.task(inIt, LEADER_REVIEW), "sun.wei", "chen.jing");
        assertHeldBy(fixtures.task(beforeIt, LEADER_REVIEW), "chen.jing", null);
        laterBy(4);
        check.run();
        ProcessInstance afterIt = fixtures.request("li.na");

        // then only the one in the period went to sun.wei (above), and it came back when the period ended
        assertHeldBy(fixtures.task(beforeIt, LEADER_REVIEW), "chen.jing", null);
        assertHeldBy(fixtures.task(afterIt, LEADER_REVIEW), "chen.jing", null);
        assertHeldBy(fixtures.task(inIt, LEADER_REVIEW), "chen.jing", null);
    }

    @Test
    void inThePeriodTheNewTaskGoesToTheDeputyOnHerBehalf() {
        // given chen.jing away from today
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(3), false);

        // when li.na asks
        ProcessInstance request = fixtures.request("li.na");

        // then sun.wei has it, for chen.jing, and sees it among his tasks
        Task task = fixtures.task(request, LEADER_REVIEW);
        assertHeldBy(task, "sun.wei", "chen.jing");
        assertThat(taskService.createTaskQuery().taskAssignee("sun.wei").taskId(task.getId()).count()).isEqualTo(1);
        assertThat(deputies.notesFor("sun.wei")).containsExactly(new DeputyNote(true, "陈静", today.plusDays(3)));
        assertThat(deputies.notesFor("chen.jing")).containsExactly(new DeputyNote(false, "孙伟", today.plusDays(3)));
    }

    @Test
    void cancellingGivesTheHeldTasksBack() {
        // given sun.wei holding li.na's request for chen.jing
        Deputyship deputyship = fixtures.name("chen.jing", "sun.wei", today, today.plusDays(3), false);
        ProcessInstance request = fixtures.request("li.na");
        assertHeldBy(fixtures.task(request, LEADER_REVIEW), "sun.wei", "chen.jing");

        // when chen.jing comes back early and cancels
        assertThat(deputies.cancel(deputyship.getId(), "chen.jing", fixtures.groupsOf("chen.jing"))).isTrue();

        // then the task is hers again, and the next one comes straight to her
        assertHeldBy(fixtures.task(request, LEADER_REVIEW), "chen.jing", null);
        assertHeldBy(fixtures.task(fixtures.request("li.na"), LEADER_REVIEW), "chen.jing", null);
        assertThat(deputies.notesFor("sun.wei")).isEmpty();
    }

    @Test
    void openTasksMoveOnlyWhenSheAsks() {
        // given li.na's request waiting for chen.jing
        ProcessInstance open = fixtures.request("li.na");

        // when chen.jing hands over her open tasks too, from today
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(2), true);

        // then sun.wei holds it for her
        assertHeldBy(fixtures.task(open, LEADER_REVIEW), "sun.wei", "chen.jing");
    }

    @Test
    void openTasksOfAPeriodStartingLaterMoveOnItsFirstDayOnce() {
        // given li.na's request waiting for chen.jing, who hands over her open tasks from tomorrow
        ProcessInstance open = fixtures.request("li.na");
        fixtures.name("chen.jing", "sun.wei", today.plusDays(1), today.plusDays(2), true);

        // when the check runs today: nothing moves yet
        check.run();
        assertHeldBy(fixtures.task(open, LEADER_REVIEW), "chen.jing", null);

        // when it runs tomorrow, twice
        laterBy(1);
        check.run();
        check.run();

        // then sun.wei holds it for her
        assertHeldBy(fixtures.task(open, LEADER_REVIEW), "sun.wei", "chen.jing");
    }

    @Test
    void theDeputyNeverApprovesTheirOwnRequest() {
        // given li.na's request already waiting, and chen.jing naming li.na (her teacher) as deputy with open tasks
        ProcessInstance ownBefore = fixtures.request("li.na");
        fixtures.name("chen.jing", "li.na", today, today.plusDays(2), true);
        String colleague = directory.membersOf("chinese").stream().filter(p -> p.getRole() == Role.TEACHER)
                .map(Person::getId).filter(id -> !id.equals("li.na")).findFirst().orElseThrow();

        // when li.na asks again, and a colleague of hers asks
        ProcessInstance ownNew = fixtures.request("li.na");
        ProcessInstance colleagues = fixtures.request(colleague);

        // then li.na's own requests stay with chen.jing, the colleague's goes to li.na for chen.jing
        assertHeldBy(fixtures.task(ownBefore, LEADER_REVIEW), "chen.jing", null);
        assertHeldBy(fixtures.task(ownNew, LEADER_REVIEW), "chen.jing", null);
        assertHeldBy(fixtures.task(colleagues, LEADER_REVIEW), "li.na", "chen.jing");
    }

    @Test
    void theAbsentPersonsOwnStepsStayWithThem() {
        // given chen.jing's own request returned to her for changes by the principal
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(2), false);
        ProcessInstance own = fixtures.request("chen.jing");
        taskService.complete(fixtures.task(own, "principalApproval").getId(),
                Map.of("principalDecision", "revise", "principalComment", "请补充调课安排"));

        // then revising is hers, not her deputy's
        assertHeldBy(fixtures.task(own, "reviseRequest"), "chen.jing", null);
    }

    @Test
    void thePrincipalsGroupTaskGoesToHerDeputy() {
        // given liu.hua (principal) away, zhao.min (office) her deputy
        fixtures.name("liu.hua", "zhao.min", today, today.plusDays(1), false);

        // when a trip out of the province passes chen.jing's review
        ProcessInstance request = fixtures.request("li.na", Map.of("outOfProvince", Boolean.TRUE));
        taskService.complete(fixtures.task(request, LEADER_REVIEW).getId(), Map.of("leaderDecision", "approve"));

        // then the principal's approval is zhao.min's, for liu.hua
        assertHeldBy(fixtures.task(request, "principalApproval"), "zhao.min", "liu.hua");
    }

    @Test
    void noChainsNoOverlapsNoSelf() {
        fixtures.name("chen.jing", "sun.wei", today, today.plusDays(3), false);

        assertRefused(() -> fixtures.name("chen.jing", "liu.hua", today.plusDays(2), today.plusDays(5), false),
                "firstDay", "deputy.error.overlap");
        assertRefused(() -> fixtures.name("sun.wei", "zhao.min", today.plusDays(1), today.plusDays(1), false),
                "personId", "deputy.error.personIsDeputy");
        assertRefused(() -> fixtures.name("liu.hua", "chen.jing", today, today, false),
                "deputyId", "deputy.error.deputyAway");
        assertRefused(() -> fixtures.name("liu.hua", "liu.hua", today, today, false), "deputyId", "deputy.error.self");
        assertRefused(() -> fixtures.name("liu.hua", "nobody.here", today, today, false),
                "deputyId", "deputy.error.unknownDeputy");
        assertRefused(() -> fixtures.name("liu.hua", "zhao.min", today.minusDays(1), today, false),
                "firstDay", "deputy.error.past");
        assertRefused(() -> fixtures.name("li.na", "zhou.tao", today, today, false),
                "personId", "deputy.error.personCannotHave");
        assertThat(deputyships.count()).isEqualTo(1);
    }

    private void assertRefused(Runnable naming, String field, String messageKey) {
        try {
            naming.run();
        } catch (DeputyshipRefused refused) {
            assertThat(refused.errors()).containsEntry(field, messageKey);
            return;
        }
        throw new AssertionError("not refused: " + messageKey);
    }

    private void assertHeldBy(Task task, String assignee, String onBehalfOf) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(now.getAssignee()).as("assignee of %s", now.getTaskDefinitionKey()).isEqualTo(assignee);
        assertThat(now.getOwner()).as("owner of %s", now.getTaskDefinitionKey()).isEqualTo(onBehalfOf);
    }

    private static void laterBy(int days) {
        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(days))));
    }
}
