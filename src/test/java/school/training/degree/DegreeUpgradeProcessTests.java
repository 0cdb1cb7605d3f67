package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static school.training.degree.DegreeProcess.LEADER_OPINION;
import static school.training.degree.DegreeProcess.OFFICE_REGISTRATION;
import static school.training.degree.DegreeProcess.PRINCIPAL_APPROVAL;
import static school.training.degree.DegreeProcess.REVISE_APPLICATION;
import static school.training.degree.DegreeProcess.SUBMIT_COMPLETION;
import static school.training.degree.DegreeProcess.VERIFY_CERTIFICATE;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.archive.ArchiveEntry;
import school.training.archive.ArchiveKind;
import school.training.archive.ProfessionalArchive;
import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.web.LocalisedText;

/**
 * Drives process {@code degreeUpgrade} down its paths in the app's own engine (shared context: every
 * query is scoped to the instance the test started; tests that change a recorded degree use a teacher
 * of their own).
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DegreeUpgradeProcessTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    Notifications notifications;
    @Autowired
    LocalisedText localised;
    @Autowired
    DegreeWithdrawal withdrawal;

    DegreeApplications applications;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        applications = new DegreeApplications(identityService, runtimeService, taskService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTeachersApplicationGoesToHisGroupLeaderFirst() {
        ProcessInstance instance = applications.start("zhou.tao");

        assertThat(instance).isWaitingAt(LEADER_OPINION).hasPassedInOrder("applicationSubmitted", "checkApplication");
        assertThat(instance).variables().containsEntry("applicant", "zhou.tao").containsEntry("leaderStepNeeded", true)
                .containsEntry("applicantName", "周涛").containsEntry("teachingGroupName", "数学组")
                .containsEntry("currentDegreeLabel", "专科").containsEntry("targetDegreeLabel", "本科")
                .containsEntry("routeLabel", "成人高考").containsEntry("studyModeLabel", "业余");
        assertThat(applications.task(instance, LEADER_OPINION)).isAssignedTo("sun.wei");
    }

    @Test
    void leaderRejects() {
        ProcessInstance instance = applications.start("zhou.tao");

        applications.complete(instance, LEADER_OPINION, Map.of("leaderDecision", "reject", "leaderComment", "本学期课务太重"));

        assertThat(instance).isEnded().hasPassed("applicationRejected").hasNotPassed(PRINCIPAL_APPROVAL);
    }

    @Test
    void leaderReturnsItTheTeacherResubmitsAndTheLeaderSeesItAgain() {
        ProcessInstance instance = applications.start("zhou.tao");

        applications.complete(instance, LEADER_OPINION, Map.of("leaderDecision", "revise", "leaderComment", "请写明院校全称"));

        assertThat(instance).isWaitingAt(REVISE_APPLICATION);
        assertThat(applications.task(instance, REVISE_APPLICATION)).isAssignedTo("zhou.tao");

        applications.complete(instance, REVISE_APPLICATION, Map.of("institution", "某省教育学院（成人教育学院）"));

        assertThat(instance).isWaitingAt(LEADER_OPINION);
        assertThat(applications.task(instance, LEADER_OPINION)).isAssignedTo("sun.wei");
        assertThat(instance).variables().containsEntry("title", "某省教育学院（成人教育学院） 数学与应用数学（本科）");
    }

    @Test
    void principalApprovesThenTheOfficeRegisters() {
        ProcessInstance instance = applications.start("zhou.tao");
        applications.complete(instance, LEADER_OPINION, Map.of("leaderDecision", "approve"));

        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL);
        assertThat(applications.task(instance, PRINCIPAL_APPROVAL)).hasCandidateGroup("principal").isNotAssigned();

        applications.complete(instance, PRINCIPAL_APPROVAL, Map.of("principalDecision", "approve"));

        assertThat(instance).isWaitingAt(OFFICE_REGISTRATION);
        assertThat(applications.task(instance, OFFICE_REGISTRATION)).hasCandidateGroup("office");
    }

    @Test
    void principalRejects() {
        ProcessInstance instance = applications.start("zhou.tao");
        applications.complete(instance, LEADER_OPINION, Map.of("leaderDecision", "approve"));

        applications.complete(instance, PRINCIPAL_APPROVAL, Map.of("principalDecision", "reject", "principalComment", "不支持"));

        assertThat(instance).isEnded().hasPassed("applicationRejected").hasNotPassed(OFFICE_REGISTRATION);
    }

    @Test
    void principalReturnsItAndTheResubmissionStartsAgainAtTheLeader() {
        ProcessInstance instance = applications.start("zhou.tao");
        applications.complete(instance, LEADER_OPINION, Map.of("leaderDecision", "approve"));

        applications.complete(instance, PRINCIPAL_APPROVAL, Map.of("principalDecision", "revise", "principalComment",
                "学费比例过高"));

        assertThat(instance).isWaitingAt(REVISE_APPLICATION);
        assertThat(applications.task(instance, REVISE_APPLICATION)).isAssignedTo("zhou.tao");

        applications.complete(instance, REVISE_APPLICATION, Map.of("requestedTuitionShare", 30L));

        assertThat(instance).isWaitingAt(LEADER_OPINION);
        assertThat(instance).variables().containsEntry("requestedTuitionShare", 30L);
    }

    @Test
    void aGroupLeadersOwnApplicationSkipsTheLeaderOpinion() {
        ProcessInstance instance = applications.start("sun.wei", Map.of("currentDegree", "bachelor", "targetDegree",
                "master", "route", "inServiceMaster"));

        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL).hasNotPassed(LEADER_OPINION);
        assertThat(instance).variables().containsEntry("leaderStepNeeded", false);
        assertThat(applications.task(instance, PRINCIPAL_APPROVAL)).hasCandidateGroup("principal");
    }

    @Test
    void thePrincipalsOwnApplicationGoesToTheOffice() {
        ProcessInstance instance = applications.start("liu.hua", Map.of("currentDegree", "master", "targetDegree",
                "doctor", "route", "inServiceMaster"));

        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL).hasNotPassed(LEADER_OPINION);
        assertThat(applications.task(instance, PRINCIPAL_APPROVAL)).hasCandidateGroup("office");
        assertThat(taskService.getIdentityLinksForTask(applications.task(instance, PRINCIPAL_APPROVAL).getId()))
                .noneMatch(link -> "principal".equals(link.getGroupId()));
    }

    @Test
    void afterRegistrationTheRequestWaitsForCompletionDueAtTheExpectedDate() {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());

        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION).hasPassedInOrder(PRINCIPAL_APPROVAL, OFFICE_REGISTRATION);
        assertThat(instance).variables().containsEntry("grantedTuitionShare", 40L).containsEntry("approvalNumber",
                "XL-2030-001");
        assertThat(applications.task(instance, SUBMIT_COMPLETION)).isAssignedTo("zhou.tao")
                .hasDueDate(DegreeApplications.endOf(DegreeApplications.EXPECTED));
        Job timer = completionDue(instance);
        assertThat(timer.getDuedate()).isEqualTo(DegreeApplications.endOf(DegreeApplications.EXPECTED));
    }

    @Test
    void whenTheExpectedDatePassesTheTeacherAndTheOfficeAreReminded() {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());
        String link = "/requests/" + instance.getId();
        ClockUtil.setCurrentTime(DegreeApplications.at(LocalDate.parse(DegreeApplications.EXPECTED).plusDays(1).atTime(8, 0)));

        managementService.executeJob(completionDue(instance).getId());

        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION).hasPassed("remindCompletion", "completionReminded");
        assertThat(reminders("zhou.tao", "notify.degreeCompletionDue.teacher", link)).hasSize(1);
        assertThat(reminders("zhao.min", "notify.degreeCompletionDue", link)).hasSize(1);
        assertThat(reminders("zhao.min", "notify.degreeCompletionDue", link).get(0).getArgs()).contains("周涛");
        // the task is still the teacher's, and no second reminder is pending for the same date
        assertThat(applications.task(instance, SUBMIT_COMPLETION)).isAssignedTo("zhou.tao");
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    }

    @Test
    void extendingMovesTheDueDateAndCountsTheExtensions() {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());

        applications.complete(instance, SUBMIT_COMPLETION, Map.of("completionStatus", "extend", "newExpectedCompletion",
                "2033-01-15", "extensionReason", "论文答辩推迟"));

        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION).hasPassed("extendStudy");
        assertThat(instance).variables().containsEntry("expectedCompletion", "2033-01-15").containsEntry("extensions", 1)
                .doesNotContainKey("completionStatus");
        assertThat(applications.task(instance, SUBMIT_COMPLETION)).hasDueDate(DegreeApplications.endOf("2033-01-15"));
        assertThat(completionDue(instance).getDuedate()).isEqualTo(DegreeApplications.endOf("2033-01-15"));

        applications.complete(instance, SUBMIT_COMPLETION, Map.of("completionStatus", "extend", "newExpectedCompletion",
                "2033-07-15", "extensionReason", "再次推迟"));

        assertThat(instance).variables().containsEntry("expectedCompletion", "2033-07-15").containsEntry("extensions", 2);
        assertThat(completionDue(instance).getDuedate()).isEqualTo(DegreeApplications.endOf("2033-07-15"));
    }

    @Test
    void aCorrectedUploadAfterTheExpectedDateDoesNotRemindAgain() {
        // given a reminder for the expected date, then a certificate the office sends back
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());
        String link = "/requests/" + instance.getId();
        ClockUtil.setCurrentTime(DegreeApplications.at(LocalDate.parse(DegreeApplications.EXPECTED).plusDays(3).atTime(9, 0)));
        managementService.executeJob(completionDue(instance).getId());
        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("certificate-1"));
        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "revise", "verifyComment", "照片不清晰"));

        // when the new follow-up's timer (already due) fires
        managementService.executeJob(completionDue(instance).getId());

        // then nobody is reminded twice about the same date
        assertThat(reminders("zhou.tao", "notify.degreeCompletionDue.teacher", link)).hasSize(1);
        assertThat(reminders("zhao.min", "notify.degreeCompletionDue", link)).hasSize(1);
        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION);
    }

    @Test
    void afterTheReminderTheTeacherCanStillExtend() {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());
        ClockUtil.setCurrentTime(DegreeApplications.at(LocalDate.parse(DegreeApplications.EXPECTED).plusDays(2).atTime(9, 0)));
        managementService.executeJob(completionDue(instance).getId());

        applications.complete(instance, SUBMIT_COMPLETION, Map.of("completionStatus", "extend", "newExpectedCompletion",
                "2033-01-15", "extensionReason", "延期毕业"));

        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION).variables().containsEntry("extensions", 1);
        assertThat(completionDue(instance).getDuedate()).isEqualTo(DegreeApplications.endOf("2033-01-15"));
    }

    @Test
    void givingUpEndsTheRequestAndLeavesTheDegreeAlone() {
        String teacher = DegreeApplications.freshTeacher(directory);
        ProcessInstance instance = applications.studying(teacher, Map.of());

        applications.complete(instance, SUBMIT_COMPLETION, Map.of("completionStatus", "gaveUp", "gaveUpReason", "家庭原因"));

        assertThat(instance).isEnded().hasPassed("studyAbandoned").hasNotPassed(VERIFY_CERTIFICATE, "recordNewDegree");
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.COLLEGE);
        assertThat(archive.entriesOf(teacher)).isEmpty();
    }

    @Test
    void aCorrectedUploadThenAcceptanceRaisesTheDegreeAndWritesTheArchiveOnce() {
        String teacher = DegreeApplications.freshTeacher(directory);
        ProcessInstance instance = applications.studying(teacher, Map.of());

        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-blurred"));
        assertThat(instance).isWaitingAt(VERIFY_CERTIFICATE);
        assertThat(applications.task(instance, VERIFY_CERTIFICATE)).hasCandidateGroup("office");

        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "revise", "verifyComment", "证书照片模糊"));

        assertThat(instance).isWaitingAt(SUBMIT_COMPLETION);
        assertThat(applications.task(instance, SUBMIT_COMPLETION)).isAssignedTo(teacher);
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.COLLEGE);

        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-clear"));
        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));

        assertThat(instance).isEnded().hasPassed("recordNewDegree", "degreeObtained");
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.BACHELOR);
        List<ArchiveEntry> entries = archive.entriesOf(teacher);
        assertThat(entries).hasSize(1);
        ArchiveEntry entry = entries.get(0);
        assertThat(entry.getKind()).isEqualTo(ArchiveKind.DEGREE);
        assertThat(entry.getSourceId()).isEqualTo(instance.getId());
        assertThat(entry.getDate()).isEqualTo(LocalDate.parse("2032-06-30"));
        assertThat(localised.read(entry.getSummary(), Locale.SIMPLIFIED_CHINESE)).contains("成人高考", "省教育学院",
                "数学与应用数学", "学费 40%", "考试假 8 天");
        // and it reads in English for someone reading in English (issue 14's walkthrough)
        assertThat(localised.read(entry.getSummary(), Locale.ENGLISH)).contains("Adult college entrance exam",
                "40% of the tuition", "8 days of exam leave").doesNotContain("学费");
    }

    @Test
    void theDegreeIsUpdatedExactlyOnce() {
        String teacher = DegreeApplications.freshTeacher(directory);
        ProcessInstance instance = applications.studying(teacher, Map.of());
        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-1"));

        // recordNewDegree runs while the office still has the verification open (a retried job, an operator's
        // modification in Cockpit), then once more on acceptance
        runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity("recordNewDegree").execute();
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.BACHELOR);
        assertThat(archive.entriesOf(teacher)).hasSize(1);
        runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity("recordNewDegree").execute();
        assertThat(instance).isWaitingAt(VERIFY_CERTIFICATE);

        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));

        assertThat(instance).isEnded();
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.BACHELOR);
        assertThat(archive.entriesOf(teacher)).singleElement()
                .satisfies(entry -> assertThat(entry.getSourceId()).isEqualTo(instance.getId()));
    }

    @Test
    void reRunningTheRecordNeverLowersADegreeRaisedMeanwhile() {
        String teacher = DegreeApplications.freshTeacher(directory);
        ProcessInstance instance = applications.studying(teacher, Map.of());
        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-1"));
        runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity("recordNewDegree").execute();
        directory.changeDegree(teacher, Degree.MASTER);

        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));

        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.MASTER);
        assertThat(archive.entriesOf(teacher)).hasSize(1);
    }

    @Test
    void aSecondDegreeKeepsTheRecordedLevel() {
        String teacher = DegreeApplications.freshTeacher(directory);
        directory.changeDegree(teacher, Degree.BACHELOR);
        ProcessInstance instance = applications.studying(teacher, Map.of("currentDegree", "bachelor", "targetDegree",
                "bachelor", "route", "secondDegree", "major", "计算机科学与技术"));

        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-1"));
        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));

        assertThat(instance).isEnded().hasPassed("degreeObtained");
        assertThat(instance).variables().containsEntry("routeLabel", "第二学历");
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.BACHELOR);
        assertThat(archive.entriesOf(teacher)).singleElement().satisfies(entry -> {
            assertThat(entry.getKind()).isEqualTo(ArchiveKind.DEGREE);
            assertThat(localised.read(entry.getSummary(), Locale.SIMPLIFIED_CHINESE)).contains("第二学历", "计算机科学与技术");
        });
    }

    @Test
    void aLowerSecondDegreeNeverLowersTheRecordedLevel() {
        String teacher = DegreeApplications.freshTeacher(directory);
        directory.changeDegree(teacher, Degree.MASTER);
        ProcessInstance instance = applications.studying(teacher, Map.of("currentDegree", "master", "targetDegree",
                "bachelor", "route", "secondDegree"));

        applications.complete(instance, SUBMIT_COMPLETION, DegreeApplications.completed("attachment-1"));
        applications.complete(instance, VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));

        assertThat(instance).isEnded();
        assertThat(directory.get(teacher).getDegree()).isEqualTo(Degree.MASTER);
    }

    @Test
    void theTeacherWithdrawsWhileTheLeaderHasNotDecided() {
        ProcessInstance instance = applications.start("zhou.tao");

        assertThat(withdrawal.canWithdraw(instance.getId(), "li.na")).isFalse();
        assertThat(withdrawal.canWithdraw(instance.getId(), "zhou.tao")).isTrue();
        withdrawal.withdraw(instance.getId(), "zhou.tao");

        assertThat(instance).isEnded().hasPassed("applicationWithdrawn").hasNotPassed(PRINCIPAL_APPROVAL);
        assertThat(withdrawal.canWithdraw(instance.getId(), "zhou.tao")).isFalse();
    }

    @Test
    void theTeacherWithdrawsWhileRevisingButNotOnceThePrincipalHasIt() {
        ProcessInstance revising = applications.start("zhou.tao");
        applications.complete(revising, LEADER_OPINION, Map.of("leaderDecision", "revise", "leaderComment", "请补充"));
        assertThat(withdrawal.canWithdraw(revising.getId(), "zhou.tao")).isTrue();
        withdrawal.withdraw(revising.getId(), "zhou.tao");
        assertThat(revising).isEnded().hasPassed("applicationWithdrawn");

        ProcessInstance decided = applications.start("zhou.tao");
        applications.complete(decided, LEADER_OPINION, Map.of("leaderDecision", "approve"));
        assertThat(withdrawal.canWithdraw(decided.getId(), "zhou.tao")).isFalse();
    }

    @Test
    void aGroupLeaderWithdrawsHisOwnApplicationBeforeThePrincipalDecides() {
        ProcessInstance instance = applications.start("sun.wei", Map.of("currentDegree", "bachelor", "targetDegree",
                "master", "route", "inServiceMaster"));
        assertThat(instance).isWaitingAt(PRINCIPAL_APPROVAL);

        assertThat(withdrawal.canWithdraw(instance.getId(), "sun.wei")).isTrue();
        withdrawal.withdraw(instance.getId(), "sun.wei");

        assertThat(instance).isEnded().hasPassed("applicationWithdrawn").hasNotPassed(OFFICE_REGISTRATION);
    }

    private Job completionDue(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId("completionDue")
                .singleResult();
    }

    private List<Notification> reminders(String user, String key, String link) {
        return notifications.latest(user, 200).stream().filter(n -> key.equals(n.getMessageKey()))
                .filter(n -> link.equals(n.getLink())).toList();
    }
}
