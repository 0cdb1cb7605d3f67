package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.degree.DegreeStatistics.Row;
import school.training.degree.DegreeStatistics.Studying;
import school.training.people.Degree;
import school.training.people.Employment;
import school.training.people.StaffDetails;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * The statistics on a directory with many teachers and known counts: a teaching group made for the test,
 * its row exact, the whole school the sum of its groups, and who is studying with the date they are due.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DegreeStatisticsTests {

    @Autowired
    DegreeStatistics statistics;
    @Autowired
    Directory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    String group;
    String prefix;

    @BeforeEach
    void newGroup() {
        prefix = "dst" + UUID.randomUUID().toString().substring(0, 8);
        group = prefix;
        directory.createTeachingGroup(group, "统计组" + prefix, "Statistics " + prefix, 90);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** 50 teachers: 40 bachelor, 7 master, 2 doctor, 1 college; plus an office clerk who does not count. */
    private void fiftyTeachers() {
        for (int i = 0; i < 50; i++) {
            Degree degree = i < 40 ? Degree.BACHELOR : i < 47 ? Degree.MASTER : i < 49 ? Degree.DOCTOR : Degree.COLLEGE;
            teacher(prefix + ".t" + i, i == 0 ? Role.GROUP_LEADER : Role.TEACHER, degree);
        }
        teacher(prefix + ".clerk", Role.OFFICE, Degree.SECONDARY);
    }

    private void teacher(String id, Role role, Degree degree) {
        directory.register(id, "教师" + id, role, group, "数学", "demo");
        if (degree != null) {
            directory.changeDegree(id, degree);
        }
    }

    private Row row(DegreeStatistics.Overview overview) {
        return overview.groups().stream().filter(r -> r.groupId().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void fortyNineOfFiftyMeetTheTargetOfNinetyEightPercentFortyNineOfFiftyOneDoNot() {
        fiftyTeachers();
        Row row = row(statistics.overview(null));
        assertThat(row.groupName()).isEqualTo("统计组" + prefix);
        assertThat(row.teachers()).isEqualTo(50);
        assertThat(row.count(Degree.SECONDARY)).isZero();
        assertThat(row.count(Degree.COLLEGE)).isEqualTo(1);
        assertThat(row.count(Degree.BACHELOR)).isEqualTo(40);
        assertThat(row.count(Degree.MASTER)).isEqualTo(7);
        assertThat(row.count(Degree.DOCTOR)).isEqualTo(2);
        assertThat(row.unknown()).isZero();
        assertThat(row.atLeastBachelor()).isEqualTo(49);
        assertThat(row.bachelorShare()).isEqualByComparingTo("98.0");
        assertThat(row.bachelorShare().scale()).isEqualTo(1);
        assertThat(row.targetMet()).isTrue();

        teacher(prefix + ".t50", Role.TEACHER, Degree.COLLEGE);
        row = row(statistics.overview(null));
        assertThat(row.teachers()).isEqualTo(51);
        assertThat(row.count(Degree.COLLEGE)).isEqualTo(2);
        assertThat(row.bachelorShare()).isEqualByComparingTo("96.1");
        assertThat(row.targetMet()).isFalse();

        // a degree nobody recorded counts as a teacher without a bachelor's degree
        teacher(prefix + ".t51", Role.TEACHER, null);
        row = row(statistics.overview(null));
        assertThat(row.teachers()).isEqualTo(52);
        assertThat(row.unknown()).isEqualTo(1);
        assertThat(row.bachelorShare()).isEqualByComparingTo("94.2");
    }

    @Test
    void partTimeStaffAndPeopleWhoLeftDoNotCount() {
        fiftyTeachers();
        teacher(prefix + ".left", Role.TEACHER, Degree.COLLEGE);
        directory.deactivate(prefix + ".left", "zhao.min");
        directory.add(new StaffDetails(prefix + ".part", "兼职" + prefix, Role.TEACHER, group, "体育", null,
                Employment.PART_TIME, Degree.SECONDARY, null, null), "zhao.min");

        Row row = row(statistics.overview(null));
        assertThat(row.teachers()).isEqualTo(50);
        assertThat(row.count(Degree.SECONDARY)).isZero();
        assertThat(row.count(Degree.COLLEGE)).isEqualTo(1);
        assertThat(row.targetMet()).isTrue();
    }

    @Test
    void theWholeSchoolIsTheSumOfItsGroupsAndCountsOnlyTeachers() {
        fiftyTeachers();
        DegreeStatistics.Overview overview = statistics.overview(null);
        Row school = overview.school();
        assertThat(overview.targetPercent()).isEqualByComparingTo("98");
        assertThat(overview.groups()).extracting(Row::groupId).contains("chinese", "math", "english", "science",
                "humanities", "arts", group);
        assertThat(school.teachers()).isEqualTo(overview.groups().stream().mapToInt(Row::teachers).sum());
        for (Degree degree : Degree.values()) {
            assertThat(school.count(degree)).as(degree.name())
                    .isEqualTo(overview.groups().stream().mapToInt(r -> r.count(degree)).sum());
        }
        assertThat(school.unknown()).isEqualTo(overview.groups().stream().mapToInt(Row::unknown).sum());
        assertThat(school.atLeastBachelor()).isEqualTo(overview.groups().stream().mapToInt(Row::atLeastBachelor).sum());
        // the demo school's 44 teachers and group leaders and our 50; principal, office and our clerk are not counted
        long people = directory.everyone().stream().filter(p -> p.getRole() == Role.TEACHER || p.getRole() == Role.GROUP_LEADER)
                .filter(p -> p.getEmployment() == Employment.FULL_TIME).count();
        assertThat(school.teachers()).isEqualTo((int) people).isGreaterThanOrEqualTo(94);
        assertThat(school.count(Degree.SECONDARY)).isZero(); // the clerk's secondary degree is not a teacher's

        // the demo school has teachers below a bachelor's degree, so the math group is below the target
        Row math = statistics.overview("math").groups().get(0);
        assertThat(statistics.overview("math").groups()).hasSize(1);
        assertThat(math.count(Degree.COLLEGE)).isPositive();
        assertThat(math.targetMet()).isFalse();
        assertThat(statistics.overview("math").school()).isEqualTo(school);
    }

    @Test
    void studyingListsRegisteredApplicationsWithTheirDueDateAndOverdueOnceItPassed() {
        teacher(prefix + ".lead", Role.GROUP_LEADER, Degree.MASTER);
        teacher(prefix + ".a", Role.TEACHER, Degree.COLLEGE);
        teacher(prefix + ".b", Role.TEACHER, Degree.COLLEGE);
        DegreeStudies studies = new DegreeStudies(identityService, runtimeService, taskService);
        LocalDate today = LocalDate.now();
        String a = studies.registered(prefix + ".a", "省师范大学", today.minusYears(1), today.plusDays(30));
        String b = studies.registered(prefix + ".b", "市电大", today.minusYears(1), today.plusDays(60));

        List<Studying> studying = statistics.studying(group);
        assertThat(studying).extracting(Studying::processInstanceId).containsExactly(a, b);
        Studying first = studying.get(0);
        assertThat(first.teacherId()).isEqualTo(prefix + ".a");
        assertThat(first.teacherName()).isEqualTo("教师" + prefix + ".a");
        assertThat(first.groupId()).isEqualTo(group);
        assertThat(first.groupName()).isEqualTo("统计组" + prefix);
        assertThat(first.targetDegree()).isEqualTo(Degree.BACHELOR);
        assertThat(first.route()).isEqualTo("adultExam");
        assertThat(first.institution()).isEqualTo("省师范大学");
        assertThat(first.expectedCompletion()).isEqualTo(today.plusDays(30));
        assertThat(first.step()).isEqualTo(DegreeProcess.SUBMIT_COMPLETION);
        assertThat(studying).noneMatch(Studying::overdue);
        assertThat(statistics.studying(null)).extracting(Studying::processInstanceId).contains(a, b);
        assertThat(statistics.studying("chinese")).extracting(Studying::processInstanceId).doesNotContain(a, b);

        // 45 days later a is past its date, b is not
        ClockUtil.setCurrentTime(Date.from(today.plusDays(45).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
        studying = statistics.studying(group);
        assertThat(studying).filteredOn(Studying::overdue).extracting(Studying::processInstanceId).containsExactly(a);

        // a hands in the certificate: still listed (to verify), no longer overdue; once verified the counts move
        studies.graduated(a, today.plusDays(40));
        studying = statistics.studying(group);
        assertThat(studying).filteredOn(s -> s.processInstanceId().equals(a)).singleElement()
                .satisfies(s -> assertThat(s.step()).isEqualTo(DegreeProcess.VERIFY_CERTIFICATE))
                .satisfies(s -> assertThat(s.overdue()).isFalse());
        Row before = row(statistics.overview(null));
        studies.verified(a);
        Row after = row(statistics.overview(null));
        assertThat(statistics.studying(group)).extracting(Studying::processInstanceId).containsExactly(b);
        assertThat(after.count(Degree.COLLEGE)).isEqualTo(before.count(Degree.COLLEGE) - 1).isEqualTo(1);
        assertThat(after.count(Degree.BACHELOR)).isEqualTo(before.count(Degree.BACHELOR) + 1).isEqualTo(1);
        assertThat(after.bachelorShare()).isEqualByComparingTo(new BigDecimal("66.7"));
    }
}
