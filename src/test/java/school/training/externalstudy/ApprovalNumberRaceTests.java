package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.Race;
import school.training.tasklist.WebFixtures;

/**
 * Two clerks give the same approval number to two requests at the same moment: the database's unique
 * key lets one registration through; the other is refused beside the number, with the next free one
 * named, and nothing else is lost — on our pages and over the REST API alike.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ApprovalNumberRaceTests {

    static final int ROUNDS = 10;
    static final String FIRST_CLERK = "zhao.min";
    static final String SECOND_CLERK = "qian.office";
    static final Pattern FRESH = Pattern.compile("(WX-\\d{4}-\\d{3,4})。");
    /** Numbers of a far year nobody is offered, one per round and test. */
    static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 5000));

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    RegisteredApprovalNumberRepository registered;
    @Autowired
    ApprovalNumbers approvalNumbers;
    @Autowired
    ApprovalNumberBackfill backfill;
    @Autowired
    PlatformTransactionManager transactions;

    WebFixtures web;
    ExternalStudyRequests requests;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(processEngine);
        web = new WebFixtures(identityService);
        requests = new ExternalStudyRequests(identityService, runtimeService);
        synchronized (ApprovalNumberRaceTests.class) {
            if (directory.find(SECOND_CLERK).isEmpty()) {
                directory.register(SECOND_CLERK, "钱办公室", Role.OFFICE, null, null, "demo");
            }
        }
    }

    @Test
    void theDatabaseRefusesASecondRowWithTheSameNumber() {
        String number = "TEST-" + System.nanoTime();
        registered.saveAndFlush(new RegisteredApprovalNumber(number, null, null, "instance-a", FIRST_CLERK, Instant.now()));

        assertThatThrownBy(() -> registered.saveAndFlush(
                new RegisteredApprovalNumber(number, null, null, "instance-b", SECOND_CLERK, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(registered.findByNumber(number)).get()
                .satisfies(row -> assertThat(row.getProcessInstanceId()).isEqualTo("instance-a"));
    }

    @Test
    void theNumberIsWrittenInTheEnginesOwnTransaction() {
        // given a registration completed inside a transaction that is then rolled back
        String id = atTheOffice();
        String number = farNumber();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            taskService.complete(task(id).getId(), Map.of("approvalNumber", number));
            assertThat(registered.findByNumber(number)).isPresent();
            status.setRollbackOnly();
        });

        // then the number went back with the engine's completion: Camunda and JPA share one transaction
        assertThat(registered.findByNumber(number)).isEmpty();
        assertThat(runtimeService.getActiveActivityIds(id)).containsExactly("officeRegistration");
    }

    @Test
    void twoClerksGivingOneNumberToTwoRequestsOnOurPages() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // given two requests waiting for the office
            String first = atTheOffice();
            String second = atTheOffice();
            String number = farNumber();

            // when each clerk registers one of them with the same number at the same moment
            List<MvcResult> results = Race.of(() -> registerOnPage(first, number, "甲的备注", FIRST_CLERK),
                    () -> registerOnPage(second, number, "乙的备注", SECOND_CLERK));

            // then exactly one registration counts
            String as = "round " + round + ": " + results.stream().map(r -> r.getResponse().getStatus()).toList();
            assertThat(results.stream().map(r -> r.getResponse().getStatus())).as(as).containsExactlyInAnyOrder(302, 422);
            int winner = results.get(0).getResponse().getStatus() == 302 ? 0 : 1;
            String winnerId = winner == 0 ? first : second;
            String loserId = winner == 0 ? second : first;
            assertThat(results.get(winner).getFlashMap().get("notice")).isEqualTo("task.completed");
            assertThat(registered.findByNumber(number)).get().satisfies(row -> {
                assertThat(row.getProcessInstanceId()).isEqualTo(winnerId);
                assertThat(row.getRegisteredBy()).isEqualTo(winner == 0 ? FIRST_CLERK : SECOND_CLERK);
            });
            assertThat(runtimeService.getActiveActivityIds(winnerId)).containsExactly("tripEnds");

            // and the other clerk sees the form again: the refusal beside the number names a fresh one, the notes stay
            String page = results.get(1 - winner).getResponse().getContentAsString();
            String refusal = ExternalStudyFormTests.errorBeside(page, "approvalNumber");
            assertThat(refusal).contains(number);
            String fresh = fresh(refusal);
            assertThat(fresh).isNotEqualTo(number);
            assertThat(approvalNumbers.takenByAnother(fresh, loserId)).isFalse();
            assertThat(page).contains(winner == 0 ? "乙的备注" : "甲的备注");
            assertThat(runtimeService.getActiveActivityIds(loserId)).containsExactly("officeRegistration");
            assertThat(runtimeService.getVariable(loserId, "officeNotes")).isNull();
        }
    }

    @Test
    void twoClerksGivingOneNumberToTwoRequestsOverRest() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String first = atTheOffice();
            String second = atTheOffice();
            String number = farNumber();

            List<ResponseEntity<String>> results = Race.of(() -> registerOverRest(first, number, FIRST_CLERK),
                    () -> registerOverRest(second, number, SECOND_CLERK));

            // one 204; the other 400 naming the number and a fresh one, never a 500
            assertThat(results.stream().map(ResponseEntity::getStatusCode)).as("round " + round + ": " + results)
                    .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.BAD_REQUEST);
            ResponseEntity<String> refused = results.stream()
                    .filter(r -> r.getStatusCode() == HttpStatus.BAD_REQUEST).findFirst().orElseThrow();
            assertThat(refused.getBody()).contains("approvalNumber", number);
            assertThat(fresh(refused.getBody())).isNotEqualTo(number);
            assertThat(registered.findByNumber(number)).isPresent();
            assertThat(List.of(first, second).stream().filter(id -> runtimeService.getActiveActivityIds(id)
                    .contains("officeRegistration"))).hasSize(1);
        }
    }

    @Test
    void aNumberGivenEarlierIsRefusedAtOnceNamingTheNextFree() throws Exception {
        String first = atTheOffice();
        String second = atTheOffice();
        String number = farNumber();
        String registration = task(first).getId();
        assertThat(registerOnPage(first, number, "", FIRST_CLERK).getResponse().getStatus()).isEqualTo(302);
        // the clerk took the office's task and decided it in one go: the engine's history names her
        assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(registration)
                .singleResult().getAssignee()).isEqualTo(FIRST_CLERK);

        MvcResult again = registerOnPage(second, number, "备注留着", FIRST_CLERK);

        assertThat(again.getResponse().getStatus()).isEqualTo(422);
        // refused, the task stays with the office as it was: a colleague may still register it
        assertThat(task(second).getAssignee()).isNull();
        String page = again.getResponse().getContentAsString();
        String refusal = ExternalStudyFormTests.errorBeside(page, "approvalNumber");
        assertThat(refusal).startsWith("审批编号 " + number + " 已用于其他申请");
        assertThat(fresh(refusal)).isEqualTo(approvalNumbers.next(second));
        assertThat(page).contains("备注留着");
    }

    @Test
    void twoRequestsWaitingForTheOfficeAreOfferedDifferentNumbers() {
        String first = atTheOffice();
        String second = atTheOffice();

        String one = (String) runtimeService.getVariable(first, "approvalNumber");
        String two = (String) runtimeService.getVariable(second, "approvalNumber");

        assertThat(one).matches("WX-\\d{4}-\\d{3,4}");
        assertThat(two).isNotEqualTo(one);
        taskService.complete(task(first).getId());
        taskService.complete(task(second).getId());
        assertThat(registered.findByNumber(one)).isPresent();
        assertThat(registered.findByNumber(two)).isPresent();
    }

    @Test
    void registrationsMadeBeforeTheTableExistedAreRecordedFromHistory() {
        // given a registration the table does not know (made before it existed, or by an older process version)
        String id = atTheOffice();
        String number = farNumber();
        Task registration = task(id);
        taskService.claim(registration.getId(), FIRST_CLERK);
        taskService.complete(registration.getId(), Map.of("approvalNumber", number));
        registered.delete(registered.findByNumber(number).orElseThrow());

        // when the app starts
        assertThat(backfill.backfill()).isEqualTo(1);

        // then it is in the table, with who registered it, and counts as taken
        assertThat(registered.findByNumber(number)).get().satisfies(row -> {
            assertThat(row.getProcessInstanceId()).isEqualTo(id);
            assertThat(row.getRegisteredBy()).isEqualTo(FIRST_CLERK);
        });
        assertThat(approvalNumbers.takenByAnother(number, "another")).isTrue();
        assertThat(backfill.backfill()).isZero();
    }

    /** A small request approved by its group leader, waiting for the office; answers its instance id. */
    String atTheOffice() {
        String id = requests.start("li.na").getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
                Map.of("leaderDecision", "approve"));
        assertThat(runtimeService.getActiveActivityIds(id)).containsExactly("officeRegistration");
        return id;
    }

    Task task(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("officeRegistration").singleResult();
    }

    static String farNumber() {
        return "WX-2099-%04d".formatted(1000 + SEQUENCE.incrementAndGet() % 9000);
    }

    static String fresh(String refusal) {
        Matcher matcher = FRESH.matcher(refusal);
        assertThat(matcher.find()).as("a fresh number in: " + refusal).isTrue();
        return matcher.group(1);
    }

    MvcResult registerOnPage(String processInstanceId, String number, String notes, String clerk) throws Exception {
        return mvc.perform(post("/tasks/" + task(processInstanceId).getId()).param("approvalNumber", number)
                .param("officeNotes", notes).with(csrf()).with(web.as(clerk))).andReturn();
    }

    ResponseEntity<String> registerOverRest(String processInstanceId, String number, String clerk) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"variables\":{\"approvalNumber\":{\"value\":\"" + number + "\",\"type\":\"String\"}}}";
        return rest.withBasicAuth(clerk, "demo").postForEntity(
                "/engine-rest/task/" + task(processInstanceId).getId() + "/complete", new HttpEntity<>(body, headers),
                String.class);
    }
}
