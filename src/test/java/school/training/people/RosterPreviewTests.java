package school.training.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.training.people.RosterFiles.row;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import school.training.people.RosterFiles.Roster;
import school.training.people.RosterRow.Action;

/**
 * Reading and previewing rosters: good, bad and mixed files, as .xlsx and as CSV. A preview names every
 * row's problems and writes nothing; a file that cannot be read is refused as a whole with one reason.
 * Each test makes its own groups and people (the demo school stays as other tests expect it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class RosterPreviewTests {

    private static final String OFFICE = "zhao.min";

    @Autowired
    Directory directory;
    @Autowired
    RosterImport rosterImport;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;

    String suffix;
    String free;
    String freeName;
    String led;
    String ledName;
    String leader;
    String teacher;

    @BeforeEach
    void twoGroups() {
        ProcessEngines.registerProcessEngine(engine);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        free = "f" + suffix;
        freeName = "无组长组" + suffix;
        led = "l" + suffix;
        ledName = "有组长组" + suffix;
        directory.createTeachingGroup(free, freeName, "Free " + suffix, 91);
        directory.createTeachingGroup(led, ledName, "Led " + suffix, 92);
        leader = "lead." + suffix;
        teacher = "teach." + suffix;
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, led, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, led, "语文", "demo");
    }

    @Test
    void aGoodRosterPreviewsAdditionsUpdatesAndNoChangesAndWritesNothing() {
        String newTeacher = "new." + suffix;
        String newLeader = "boss." + suffix;
        Roster roster = new Roster(List.of(
                row(newTeacher, "王新", freeName, "教师", "数学", "二级教师", "兼职", "本科", "wang@example.org", "138 0000 0000"),
                // a group without a leader may get one; by its code and the enum name
                row(newLeader.toUpperCase(), "李组长", free, "GROUP_LEADER", "物理", "", "", "MASTER", "", ""),
                // a known teacher: the subject and title change, empty cells keep what is recorded
                row(teacher, "", "", "", "数学", "一级教师", "", "", "", ""),
                // the leader exactly as recorded
                row(leader, "组长" + suffix, ledName, "教研组长", "语文", "", "", "", "", "")));
        long people = directory.count();
        long changes = directory.history(null, PageRequest.of(0, 1)).getTotalElements();

        for (String name : List.of("名单.xlsx", "名单.csv")) {
            RosterPreview preview = preview(name, name.endsWith("csv") ? roster.csv() : roster.xlsx());

            assertThat(preview.importable()).as(preview.rows().toString()).isTrue();
            assertThat(preview.rows()).extracting(RosterRow::line).containsExactly(2, 3, 4, 5);
            assertThat(preview.rows()).extracting(RosterRow::action)
                    .containsExactly(Action.ADD, Action.ADD, Action.UPDATE, Action.UNCHANGED);
            RosterRow added = preview.rows().get(0);
            assertThat(added.details()).isEqualTo(new StaffDetails(newTeacher, "王新", Role.TEACHER, free, "数学",
                    "二级教师", Employment.PART_TIME, Degree.BACHELOR, "wang@example.org", "138 0000 0000"));
            assertThat(preview.rows().get(1).details().id()).isEqualTo(newLeader);
            assertThat(preview.rows().get(1).details().role()).isEqualTo(Role.GROUP_LEADER);
            RosterRow updated = preview.rows().get(2);
            assertThat(updated.changed()).containsExactly(RosterColumn.SUBJECT, RosterColumn.TITLE);
            assertThat(updated.details().name()).isEqualTo("教师" + suffix);
            assertThat(updated.details().teachingGroupId()).isEqualTo(led);
            assertThat(preview.notInFile()).isGreaterThan(40);
        }
        assertNothingWritten(people, changes, newTeacher, newLeader);
        assertThat(directory.get(teacher).getSubject()).isEqualTo("语文");
    }

    @Test
    void aMixedRosterShowsEachRowsProblemsAndWritesNothing() {
        String good = "good." + suffix;
        String twice = "twice." + suffix;
        Roster roster = new Roster(List.of(
                row(good, "好人", freeName, "教师", "", "", "", "本科", "", ""),
                row("x." + suffix, "不知组", "化学组" + suffix, "教师", "", "", "", "", "", ""),
                row(twice, "两次", freeName, "教师", "", "", "", "", "", ""),
                row(twice, "两次", freeName, "教师", "", "", "", "", "", ""),
                row("deg." + suffix, "学历错", freeName, "教师", "", "", "", "小学", "", ""),
                row("la." + suffix, "组长甲", freeName, "教研组长", "", "", "", "", "", ""),
                row("lb." + suffix, "组长乙", free, "教研组长", "", "", "", "", "", ""),
                row("lc." + suffix, "抢组长", ledName, "教研组长", "", "", "", "", "", ""),
                row("role." + suffix, "角色错", freeName, "主任", "", "", "临时", "", "", ""),
                row(leader, "", "", "教师", "", "", "", "", "", "")));
        long people = directory.count();
        long changes = directory.history(null, PageRequest.of(0, 1)).getTotalElements();

        RosterPreview preview = preview("mixed.xlsx", roster.xlsx());

        assertThat(preview.importable()).isFalse();
        assertThat(codes(preview, 2)).isEmpty();
        assertThat(preview.rows().get(0).action()).isEqualTo(Action.ADD);
        assertThat(codes(preview, 3)).containsExactly("people.problem.unknownGroup");
        assertThat(problems(preview, 3).get(0).args()).containsExactly("化学组" + suffix);
        assertThat(codes(preview, 4)).containsExactly("roster.problem.duplicateId");
        assertThat(problems(preview, 4).get(0).args()).containsExactly(twice, "4, 5");
        assertThat(codes(preview, 5)).containsExactly("roster.problem.duplicateId");
        assertThat(codes(preview, 6)).containsExactly("roster.problem.unknownDegree");
        assertThat(problems(preview, 6).get(0).field()).isEqualTo("degree");
        assertThat(codes(preview, 7)).containsExactly("roster.problem.twoLeaders");
        assertThat(problems(preview, 7).get(0).args()).containsExactly(freeName, "7, 8");
        assertThat(codes(preview, 8)).containsExactly("roster.problem.twoLeaders");
        // a group that has a leader keeps them: changing leaders is done on /groups
        assertThat(codes(preview, 9)).containsExactly("people.problem.groupHasLeader");
        // one problem per unreadable cell, not a second "role required" beside it
        assertThat(codes(preview, 10)).containsExactly("roster.problem.unknownRole",
                "roster.problem.unknownEmployment");
        assertThat(codes(preview, 11)).containsExactly("people.problem.stillLeads");
        assertThat(preview.rowsWithProblems()).isEqualTo(9);

        assertNothingWritten(people, changes, good, twice, "la." + suffix);
        assertThat(directory.get(leader).getRole()).isEqualTo(Role.GROUP_LEADER);
    }

    @Test
    void aCsvWithEnglishHeadersAndGbkTextIsReadToo() {
        String id = "csv." + suffix;
        String text = "id,name,group,role,degree,employment,phone\r\n"
                + "# notes like this are skipped\r\n"
                + id + ",\"张, 三\"," + free + ",teacher,bachelor,PART_TIME,13800000000\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            RosterPreview preview = preview("roster.CSV", text.getBytes(charset));
            assertThat(preview.importable()).as(preview.rows().toString()).isTrue();
            assertThat(preview.rows().get(0).line()).isEqualTo(3);
            assertThat(preview.rows().get(0).details()).isEqualTo(new StaffDetails(id, "张, 三", Role.TEACHER, free,
                    null, null, Employment.PART_TIME, Degree.BACHELOR, null, "13800000000"));
        }
    }

    @Test
    void badFilesAreRefusedAsAWholeWithOneClearReason() {
        Roster one = new Roster(List.of(row("one." + suffix, "一个", freeName, "教师", "", "", "", "", "", "")));
        long people = directory.count();

        assertRefused("empty.xlsx", new byte[0], "roster.file.empty");
        assertRefused("empty.csv", "\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8), "roster.file.empty");
        assertRefused("header.csv", "用户名,姓名\r\n".getBytes(StandardCharsets.UTF_8), "roster.file.noRows");
        assertRefused("renamed.xlsx", "用户名,姓名\r\nli,李\r\n".getBytes(StandardCharsets.UTF_8),
                "roster.file.notXlsx");
        assertRefused("notes.txt", one.csv(), "roster.file.type");
        assertRefused("zip.csv", one.xlsx(), "roster.file.notCsv");
        byte[] broken = one.xlsx();
        assertRefused("broken.xlsx", java.util.Arrays.copyOf(broken, broken.length / 2), "roster.file.corrupt");
        assertRefused("secret.xlsx", RosterFiles.encrypted(one.xlsx()), "roster.file.encrypted");
        assertRefused("headers.csv", RosterFiles.csv(List.of("用户名", "姓名", "生日"), List.of(List.of("a.b", "甲", "1990")))
                .getBytes(StandardCharsets.UTF_8), "roster.file.unknownHeaders");

        RosterFileRefused formula = refusal("formula.xlsx", one.xlsx(sheet -> sheet.getRow(1).getCell(1)
                .setCellFormula("CONCAT(\"王\",\"五\")")));
        assertThat(formula.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("roster.file.formula");
            assertThat(p.args()).containsExactly(2, "姓名");
        });
        assertRefused("formula.csv", RosterFiles.csv(RosterFiles.HEADER,
                List.of(row("f." + suffix, "=1+1", freeName, "教师", "", "", "", "", "", "")))
                .getBytes(StandardCharsets.UTF_8), "roster.file.formula");
        RosterFileRefused merged = refusal("merged.xlsx", new Roster(List.of(
                row("m1." + suffix, "甲", freeName, "教师", "", "", "", "", "", ""),
                row("m2." + suffix, "乙", "", "教师", "", "", "", "", "", "")))
                .xlsx(sheet -> sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2))));
        assertThat(merged.problems().get(0).code()).isEqualTo("roster.file.merged");
        assertThat(merged.problems().get(0).args()).containsExactly("C2:C3");

        Roster tooMany = RosterFiles.teachers(RosterReader.MAX_ROWS + 1, free);
        assertRefused("many.csv", tooMany.csv(), "roster.file.tooManyRows");
        List<List<String>> tenThousand = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add(List.of("p" + i + "." + suffix, "人" + i));
        }
        assertRefused("many.xlsx", RosterFiles.xlsx(List.of("用户名", "姓名"), tenThousand, sheet -> { }),
                "roster.file.tooManyRows");
        assertThat(RosterReader.read("limit.xlsx", RosterFiles.teachers(RosterReader.MAX_ROWS, free).xlsx())
                .lines()).hasSize(RosterReader.MAX_ROWS);

        assertThat(directory.count()).isEqualTo(people);
    }

    @Test
    void aPostColumnSetsThePostAndAnEmptyCellKeepsIt() {
        List<String> header = new java.util.ArrayList<>(RosterFiles.HEADER);
        header.add("职务");
        Roster roster = new Roster(header, List.of(
                List.of(teacher, "", "", "", "", "", "", "", "", "", "教导主任"),
                List.of(leader, "", "", "", "", "", "", "", "", "", "")));

        RosterPreview preview = preview("名单.csv", roster.csv());

        assertThat(preview.importable()).as(preview.rows().toString()).isTrue();
        assertThat(preview.rows().get(0).changed()).containsExactly(RosterColumn.POST);
        assertThat(preview.rows().get(0).details().post()).isEqualTo("教导主任");
        assertThat(preview.rows().get(1).action()).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void theTemplatesReadBackAsAnEmptyRosterWithAllColumns() {
        byte[] xlsx = RosterTemplate.xlsx(directory.teachingGroups());
        byte[] csv = RosterTemplate.csv(directory.teachingGroups());
        // the examples are on the notes sheet / in # lines, so the untouched template has no person in it
        assertRefused("名单模板.xlsx", xlsx, "roster.file.noRows");
        assertRefused("名单模板.csv", csv, "roster.file.noRows");

        byte[] filled = (new String(csv, StandardCharsets.UTF_8) + "tpl." + suffix + ",模板," + freeName
                + ",教师,,,专任,本科,,\r\n").getBytes(StandardCharsets.UTF_8);
        RosterSheet sheet = RosterReader.read("名单模板.csv", filled);
        assertThat(sheet.columns()).containsExactly(RosterColumn.values());
        assertThat(rosterImport.preview(sheet, OFFICE).importable()).isTrue();
    }

    private RosterPreview preview(String name, byte[] file) {
        return rosterImport.preview(RosterReader.read(name, file), OFFICE);
    }

    private void assertRefused(String name, byte[] file, String code) {
        assertThat(refusal(name, file).problems()).extracting(Problem::code).as(name).containsExactly(code);
    }

    private static RosterFileRefused refusal(String name, byte[] file) {
        return (RosterFileRefused) org.assertj.core.api.Assertions.catchThrowable(() -> RosterReader.read(name, file));
    }

    private static List<Problem> problems(RosterPreview preview, int line) {
        return preview.rows().stream().filter(r -> r.line() == line).findFirst().orElseThrow().problems();
    }

    private static List<String> codes(RosterPreview preview, int line) {
        return problems(preview, line).stream().map(Problem::code).toList();
    }

    private void assertNothingWritten(long people, long changes, String... ids) {
        assertThat(directory.count()).isEqualTo(people);
        assertThat(directory.history(null, PageRequest.of(0, 1)).getTotalElements()).isEqualTo(changes);
        for (String id : ids) {
            assertThat(directory.find(id)).as(id).isEmpty();
            assertThat(identityService.createUserQuery().userId(id).count()).as(id).isZero();
        }
    }
}
