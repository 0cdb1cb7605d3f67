package school.training.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.training.people.RosterFiles.row;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import school.training.people.RosterFiles.Roster;
import school.training.tasklist.WebFixtures;

/**
 * The office imports a roster through the pages: upload, preview with every row's problems, confirm,
 * initial passwords shown once and downloadable once. A roster with problems cannot be confirmed; an import
 * is all rows or none; a teacher reaches none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class RosterImportTests {

    private static final Logger log = LoggerFactory.getLogger(RosterImportTests.class);
    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    Directory directory;
    @Autowired
    RosterImport rosterImport;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TransactionTemplate transactions;

    WebFixtures web;
    String suffix;
    String free;
    String freeName;
    String led;
    String leader;
    String teacher;

    @BeforeEach
    void twoGroups() {
        ProcessEngines.registerProcessEngine(engine);
        web = new WebFixtures(identityService);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        free = "f" + suffix;
        freeName = "无组长组" + suffix;
        led = "l" + suffix;
        directory.createTeachingGroup(free, freeName, "Free " + suffix, 91);
        directory.createTeachingGroup(led, "有组长组" + suffix, "Led " + suffix, 92);
        leader = "lead." + suffix;
        teacher = "teach." + suffix;
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, led, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, led, "语文", "demo");
    }

    @Test
    void theOfficeImportsAGoodRosterAndGetsTheNewPasswordsOnce() throws Exception {
        String newTeacher = "new." + suffix;
        String newLeader = "boss." + suffix;
        Roster roster = new Roster(List.of(
                row(newTeacher, "王新", freeName, "教师", "数学", "二级教师", "兼职", "本科", "", ""),
                row(newLeader, "李组长", free, "教研组长", "物理", "", "", "硕士", "", ""),
                row(teacher, "", "", "", "数学", "一级教师", "", "", "", "")));
        long people = directory.count();
        MockHttpSession session = new MockHttpSession();

        mvc.perform(multipart("/people/import").file(file("名单.xlsx", roster.xlsx())).with(csrf())
                .with(web.as(OFFICE)).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"row-2\"")))
                .andExpect(content().string(containsString("新增")))
                .andExpect(content().string(containsString("学科</span><span>、</span><span>职称")))
                .andExpect(content().string(containsString("confirm-import")))
                .andExpect(content().string(containsString("还没有写入任何内容")));
        assertThat(directory.find(newTeacher)).isEmpty();
        String token = ((RosterController.Pending) session.getAttribute(RosterController.PENDING)).token();

        mvc.perform(post("/people/import/confirm").param("token", token).with(csrf()).with(web.as(OFFICE))
                .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入完成：新增 2 人，更新 1 人")))
                .andExpect(content().string(containsString("id=\"password-" + newTeacher + "\"")));

        RosterResult result = ((RosterController.PasswordSlip) session.getAttribute(RosterController.PASSWORDS)).result();
        String password = result.added().get(0).password();
        assertThat(identityService.checkPassword(newTeacher, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(newTeacher).memberOfGroup(CamundaGroups.TEACHERS).count())
                .isOne();
        assertThat(identityService.createUserQuery().userId(newLeader).memberOfGroup(CamundaGroups.GROUP_LEADERS)
                .count()).isOne();
        Person added = directory.get(newTeacher);
        assertThat(added.getTeachingGroup().getId()).isEqualTo(free);
        assertThat(added.getEmployment()).isEqualTo(Employment.PART_TIME);
        assertThat(added.mustChangePassword()).isTrue();
        assertThat(directory.teachingGroup(free).orElseThrow().getLeaderId()).isEqualTo(newLeader);
        Person updated = directory.get(teacher);
        assertThat(updated.getSubject()).isEqualTo("数学");
        assertThat(updated.getTitle()).isEqualTo("一级教师");
        assertThat(updated.getName()).isEqualTo("教师" + suffix);
        assertThat(directory.history(teacher, PageRequest.of(0, 10)).getContent())
                .anySatisfy(c -> assertThat(c.getWhat() + "/" + c.getChangedBy() + "/" + c.getAfter())
                        .isEqualTo("subject/" + OFFICE + "/数学"));
        // nobody removed: everyone else is still here and active
        assertThat(directory.count()).isEqualTo(people + 2);
        assertThat(directory.get(leader).isActive()).isTrue();
        assertThat(directory.get("li.na").isActive()).isTrue();

        String csv = mvc.perform(get("/people/import/passwords.csv").param("token", token).with(web.as(OFFICE))
                .session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(newTeacher + ",王新," + freeName + "," + password);
        mvc.perform(get("/people/import/passwords.csv").param("token", token).with(web.as(OFFICE)).session(session))
                .andExpect(status().isGone());
        // leaving the result page forgets the passwords even when they were never downloaded
        session.setAttribute(RosterController.PASSWORDS, new RosterController.PasswordSlip("t", result));
        mvc.perform(get("/people").with(web.as(OFFICE)).session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute(RosterController.PASSWORDS)).isNull();
        // a second click on the confirm button imports nothing twice
        mvc.perform(post("/people/import/confirm").param("token", token).with(csrf()).with(web.as(OFFICE))
                .session(session)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("预览已经失效")));
        assertThat(directory.count()).isEqualTo(people + 2);
    }

    @Test
    void aRosterWithProblemsShowsThemAndCannotBeConfirmed() throws Exception {
        String twice = "twice." + suffix;
        Roster roster = new Roster(List.of(
                row("ok." + suffix, "好人", freeName, "教师", "", "", "", "", "", ""),
                row(twice, "两次", "化学组" + suffix, "教师", "", "", "", "", "", ""),
                row(twice, "两次", freeName, "教师", "", "", "", "大学", "", "")));
        long people = directory.count();
        MockHttpSession session = new MockHttpSession();

        mvc.perform(multipart("/people/import").file(file("mixed.csv", roster.csv())).with(csrf())
                .with(web.as(OFFICE)).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有名为 化学组" + suffix + " 的教研组")))
                .andExpect(content().string(containsString("用户名 " + twice + " 在文件中出现了不止一次（第 3, 4 行）")))
                .andExpect(content().string(containsString("不认识的学历“大学”")))
                .andExpect(content().string(containsString("2 行有问题")))
                .andExpect(content().string(not(containsString("confirm-import"))));
        String token = ((RosterController.Pending) session.getAttribute(RosterController.PENDING)).token();

        mvc.perform(post("/people/import/confirm").param("token", token).with(csrf()).with(web.as(OFFICE))
                .session(session)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("2 行有问题")))
                .andExpect(content().string(not(containsString("changed-since-preview"))))
                .andExpect(content().string(not(containsString("confirm-import"))));
        assertThat(directory.count()).isEqualTo(people);
        assertThat(identityService.createUserQuery().userId("ok." + suffix).count()).isZero();

        mvc.perform(multipart("/people/import").file(file("formula.xlsx", roster.xlsx(sheet -> sheet.getRow(2)
                .getCell(1).setCellFormula("A1")))).with(csrf()).with(web.as(OFFICE)).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有写入任何内容")))
                .andExpect(content().string(containsString("第 3 行 姓名 是公式")));
        mvc.perform(multipart("/people/import").file(file("renamed.xlsx", "just text".getBytes())).with(csrf())
                .with(web.as(OFFICE)).session(session))
                .andExpect(content().string(containsString("不是 Excel 工作簿")));
        assertThat(session.getAttribute(RosterController.PENDING)).isNull();
    }

    @Test
    void anImportIsAllRowsOrNoneAndFollowsTheDirectoryAsItIsNow() throws Exception {
        Roster roster = new Roster(List.of(
                row("a." + suffix, "甲", freeName, "教师", "", "", "", "", "", ""),
                row("b." + suffix, "乙", freeName, "教师", "", "", "", "", "", ""),
                row(teacher, "", "", "", "化学", "", "", "", "", ""),
                row("c." + suffix, "丙", freeName, "教师", "", "", "", "", "", "")));
        RosterSheet sheet = RosterReader.read("r.xlsx", roster.xlsx());
        RosterPreview preview = rosterImport.preview(sheet, OFFICE);
        long people = directory.count();

        // the directory refuses the last row while writing (as if someone took the id meanwhile)
        Directory refusingC = new Directory(personRepository, groupRepository, changeRepository, identityService,
                events, clock) {
            @Override
            public String add(StaffDetails details, String changedBy) {
                if (details.id().startsWith("c.")) {
                    throw new DirectoryProblems(Problem.of("id", "people.problem.idTaken", details.id()));
                }
                return super.add(details, changedBy);
            }
        };
        RosterImport importer = new RosterImport(refusingC);
        RosterWriteFailed failed = (RosterWriteFailed) org.assertj.core.api.Assertions.catchThrowable(
                () -> transactions.executeWithoutResult(tx -> importer.apply(sheet, preview.plan(), OFFICE)));
        assertThat(failed.line()).isEqualTo(5);
        assertThat(directory.count()).isEqualTo(people);
        assertThat(identityService.createUserQuery().userId("a." + suffix).count()).isZero();
        assertThat(directory.get(teacher).getSubject()).isEqualTo("语文");

        // between preview and confirm someone added b by hand: the old plan is not imported
        directory.register("b." + suffix, "乙", Role.TEACHER, free, null, "demo");
        RosterChanged changed = (RosterChanged) org.assertj.core.api.Assertions.catchThrowable(
                () -> rosterImport.apply(sheet, preview.plan(), OFFICE));
        assertThat(changed.preview().rows().get(1).action()).isEqualTo(RosterRow.Action.UNCHANGED);
        assertThat(directory.find("a." + suffix)).isEmpty();
    }

    @Test
    void aHundredAndFiftyRowRosterImportsInSeconds() throws Exception {
        Roster roster = RosterFiles.teachers(150, free, led);
        MockHttpSession session = new MockHttpSession();
        long start = System.nanoTime();
        mvc.perform(multipart("/people/import").file(file("150.xlsx", roster.xlsx())).with(csrf())
                .with(web.as(OFFICE)).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("confirm-import")));
        long previewed = System.nanoTime();
        String token = ((RosterController.Pending) session.getAttribute(RosterController.PENDING)).token();
        mvc.perform(post("/people/import/confirm").param("token", token).with(csrf()).with(web.as(OFFICE))
                .session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("新增 150 人")));
        long imported = System.nanoTime();
        log.info("Roster import of 150 rows: preview {} ms, import {} ms", (previewed - start) / 1_000_000,
                (imported - previewed) / 1_000_000);
        assertThat(roster.ids()).allSatisfy(id -> assertThat(directory.find(id)).isPresent());
        assertThat(identityService.createUserQuery().memberOfGroup(CamundaGroups.TEACHERS).userIdIn(
                roster.ids().toArray(String[]::new)).count()).isEqualTo(150);
    }

    @Test
    void aTeacherReachesNoneOfTheImport() throws Exception {
        mvc.perform(get("/people/import").with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/people/import/template.xlsx").with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/people/import/template.csv").with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/people/import/passwords.csv").param("token", "x").with(web.as(teacher)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/people/import").file(file("r.csv", "用户名,姓名\r\nx.y,甲\r\n".getBytes(
                StandardCharsets.UTF_8))).with(csrf()).with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(post("/people/import/confirm").param("token", "x").with(csrf()).with(web.as(teacher)))
                .andExpect(status().isForbidden());
        assertThat(directory.find("x.y")).isEmpty();
    }

    @Test
    void theOfficeDownloadsTheTemplates() throws Exception {
        mvc.perform(get("/people/import").with(web.as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(containsString("template.xlsx")));
        byte[] xlsx = mvc.perform(get("/people/import/template.xlsx").with(web.as(OFFICE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户名");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(9).getStringCellValue()).isEqualTo("电话");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(10).getStringCellValue()).isEqualTo("职务");
            assertThat(workbook.getSheetAt(1).getRow(3).getCell(1).getStringCellValue()).contains(freeName, free);
        }
        String csv = mvc.perform(get("/people/import/template.csv").with(web.as(OFFICE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF用户名,姓名,教研组,角色,学科,职称,用工,学历,电子邮箱,电话,职务\r\n");
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/octet-stream", bytes);
    }

    @Autowired
    PersonRepository personRepository;
    @Autowired
    TeachingGroupRepository groupRepository;
    @Autowired
    DirectoryChangeRepository changeRepository;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;

}
