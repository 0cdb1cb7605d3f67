package school.training.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;

/**
 * The archive pages: a teacher adds her entries with files, keeps her upload through a refused attempt,
 * revises only what she added; who may read an archive and its files; a group's checklist and its CSV.
 * Every test makes its own teaching groups and people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ArchivePagesTests {

    private static final String PRINCIPAL = "liu.hua";
    private static final String OFFICE = "zhao.min";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    ProfessionalArchive archive;
    @Autowired
    ArchiveEntryRepository entries;
    @Autowired
    Clock clock;

    WebFixtures web;
    String suffix;
    String group;
    String leader;
    String teacher;
    String colleague;
    String otherGroup;
    String otherLeader;
    String outsider;

    @BeforeEach
    void aSchoolOfItsOwn() {
        web = new WebFixtures(identityService);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "a" + suffix;
        leader = "alead." + suffix;
        teacher = "ateach." + suffix;
        colleague = "acoll." + suffix;
        otherGroup = "ao" + suffix;
        otherLeader = "aolead." + suffix;
        outsider = "aout." + suffix;
        directory.createTeachingGroup(group, "档案组" + suffix, "Archive " + suffix, 95);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(teacher, "教师" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(colleague, "同事" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.createTeachingGroup(otherGroup, "别组" + suffix, "Other " + suffix, 96);
        directory.register(otherLeader, "别组长" + suffix, Role.GROUP_LEADER, otherGroup, "数学", "demo");
        directory.register(outsider, "别组教师" + suffix, Role.TEACHER, otherGroup, "数学", "demo");
    }

    // ---- adding ------------------------------------------------------------------------------------

    @Test
    void aTeacherAddsAnAwardWithItsCertificateAndTheChecklistCountsIt() throws Exception {
        mvc.perform(get("/archive").with(web.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"item-papersAndAwards\" class=\"missing\"")));

        mvc.perform(entry(Map.of("kind", "PAPER_OR_AWARD", "title", "县优质课一等奖"), pdf("获奖证书.pdf"))
                .with(web.as(teacher))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/archive"))
                .andExpect(flash().attribute("notice", "archive.added"));

        ArchiveEntry added = entries.findByTeacherIdOrderByDateDescIdDesc(teacher).get(0);
        assertThat(added.getKind()).isEqualTo(ArchiveKind.PAPER_OR_AWARD);
        assertThat(added.getSource()).isEqualTo(ArchiveEntry.TEACHER_SOURCE);
        List<ArchiveFile> files = archive.filesOf(List.of(added.getId())).get(added.getId());
        assertThat(files).extracting(ArchiveFile::getFileName).containsExactly("获奖证书.pdf");
        assertThat(archive.checklist(List.of(teacher), LocalDate.now(clock), LocalDate.now(clock)).get(teacher)
                .missing()).doesNotContain("papersAndAwards");
        String page = mvc.perform(get("/archive").with(web.as(teacher))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("县优质课一等奖", "获奖证书.pdf", "id=\"item-papersAndAwards\" class=\"present\"",
                "/attachments/" + files.get(0).getAttachmentId());

        // the certificate: the teacher, her leader, the principal and the office; not a colleague or another group
        String download = "/attachments/" + files.get(0).getAttachmentId();
        for (String reader : List.of(teacher, leader, PRINCIPAL, OFFICE)) {
            mvc.perform(get(download).with(web.as(reader))).andExpect(status().isOk());
        }
        for (String stranger : List.of(colleague, otherLeader, outsider)) {
            mvc.perform(get(download).with(web.as(stranger))).andExpect(status().isNotFound());
        }
    }

    @Test
    void onlyTheTeacherAddableKindsAndAFileOrADescriptionAreTaken() throws Exception {
        mvc.perform(entry(Map.of("kind", "TERM_REVIEW", "title", "自评优秀", "description", "我觉得很好"))
                .with(web.as(teacher))).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择类别")));
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "空的反思")).with(web.as(teacher)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请上传文件或填写说明")));
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "明天的反思", "date",
                LocalDate.now(clock).plusDays(1).toString(), "description", "x")).with(web.as(teacher)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(entries.findByTeacherIdOrderByDateDescIdDesc(teacher)).isEmpty();
    }

    @Test
    void theSameFormSentTwiceAddsOneEntry() throws Exception {
        Map<String, String> fields = Map.of("kind", "REFLECTION", "title", "双击", "description", "反思",
                "token", UUID.randomUUID().toString());
        mvc.perform(entry(fields).with(web.as(teacher))).andExpect(status().is3xxRedirection());
        mvc.perform(entry(fields).with(web.as(teacher))).andExpect(status().is3xxRedirection());
        assertThat(entries.findByTeacherIdOrderByDateDescIdDesc(teacher)).hasSize(1);
    }

    @Test
    void anUploadIsKeptWhenTheFormIsRefusedAndAttachedWhenItIsSentAgain() throws Exception {
        String page = mvc.perform(entry(Map.of("kind", "RESEARCH_PROJECT", "title", ""), pdf("开题报告.pdf"))
                .with(web.as(teacher))).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("开题报告.pdf", "请填写标题");
        Matcher kept = Pattern.compile("name=\"attachmentIds\" value=\"([^\"]+)\"").matcher(page);
        assertThat(kept.find()).as("the stored file comes back with the page").isTrue();
        String attachmentId = kept.group(1);
        assertThat(entries.findByTeacherIdOrderByDateDescIdDesc(teacher)).isEmpty();

        mvc.perform(entry(Map.of("kind", "RESEARCH_PROJECT", "title", "区级课题（参与）", "attachmentIds", attachmentId))
                .with(web.as(teacher))).andExpect(status().is3xxRedirection());
        ArchiveEntry added = entries.findByTeacherIdOrderByDateDescIdDesc(teacher).get(0);
        assertThat(archive.filesOf(List.of(added.getId())).get(added.getId())).extracting(ArchiveFile::getAttachmentId)
                .containsExactly(attachmentId);

        // a refused type is named and not stored; another teacher cannot attach her stored file by its id
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "脚本"), file("run.exe")).with(web.as(teacher)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("run.exe")));
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "借用", "attachmentIds", attachmentId))
                .with(web.as(colleague))).andExpect(status().isUnprocessableEntity());
        assertThat(entries.findByTeacherIdOrderByDateDescIdDesc(colleague)).isEmpty();
    }

    // ---- revising ----------------------------------------------------------------------------------

    @Test
    void aTeacherRevisesAndDeletesWhatSheAddedButNotWhatAProcessWroteNorAnotherTeachersEntry() throws Exception {
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "初稿", "description", "反思"))
                .with(web.as(teacher))).andExpect(status().is3xxRedirection());
        ArchiveEntry hers = entries.findByTeacherIdOrderByDateDescIdDesc(teacher).get(0);
        ArchiveEntry recorded = archive.record(teacher, LocalDate.now(clock), ArchiveKind.OUTSIDE_STUDY, "市级观摩",
                "心得", "postStudyReport", "pi-" + suffix);

        mvc.perform(get("/archive/entries/" + hers.getId() + "/edit").with(web.as(teacher))).andExpect(status().isOk());
        mvc.perform(edit(hers, "修改稿").with(web.as(teacher))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "archive.revised"));
        assertThat(entries.findById(hers.getId()).orElseThrow().getTitle()).isEqualTo("修改稿");

        // a process's entry: refused with a message, unchanged
        mvc.perform(get("/archive/entries/" + recorded.getId() + "/edit").with(web.as(teacher)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "archive.entry.recorded"));
        mvc.perform(edit(recorded, "改写决定").with(web.as(teacher)))
                .andExpect(flash().attribute("problem", "archive.entry.recorded"));
        mvc.perform(post("/archive/entries/" + recorded.getId() + "/delete").with(csrf()).with(web.as(teacher)))
                .andExpect(flash().attribute("problem", "archive.entry.recorded"));
        assertThat(entries.findById(recorded.getId()).orElseThrow().getTitle()).isEqualTo("市级观摩");

        // another teacher's entry, even her leader's attempt: 404, unchanged
        for (String other : List.of(colleague, leader)) {
            mvc.perform(get("/archive/entries/" + hers.getId() + "/edit").with(web.as(other)))
                    .andExpect(status().isNotFound());
            mvc.perform(edit(hers, "别人改的").with(web.as(other))).andExpect(status().isNotFound());
            mvc.perform(post("/archive/entries/" + hers.getId() + "/delete").with(csrf()).with(web.as(other)))
                    .andExpect(status().isNotFound());
        }
        assertThat(entries.findById(hers.getId()).orElseThrow().getTitle()).isEqualTo("修改稿");

        mvc.perform(post("/archive/entries/" + hers.getId() + "/delete").with(csrf()).with(web.as(teacher)))
                .andExpect(flash().attribute("notice", "archive.deleted"));
        assertThat(entries.findById(hers.getId())).isEmpty();
        // a second click: told it is gone, no error page
        mvc.perform(post("/archive/entries/" + hers.getId() + "/delete").with(csrf()).with(web.as(teacher)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", "archive.entry.gone"));
    }

    @Test
    void savingAnEntryChangedSinceItWasOpenedIsRefusedWithWhatWasTypedKept() throws Exception {
        mvc.perform(entry(Map.of("kind", "REFLECTION", "title", "两个窗口", "description", "反思"))
                .with(web.as(teacher))).andExpect(status().is3xxRedirection());
        ArchiveEntry opened = entries.findByTeacherIdOrderByDateDescIdDesc(teacher).get(0);
        mvc.perform(edit(opened, "第一个窗口").with(web.as(teacher))).andExpect(status().is3xxRedirection());

        mvc.perform(edit(opened, "第二个窗口").with(web.as(teacher))).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第二个窗口")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已被修改")));
        assertThat(entries.findById(opened.getId()).orElseThrow().getTitle()).isEqualTo("第一个窗口");
    }

    // ---- reading -----------------------------------------------------------------------------------

    @Test
    void anArchiveIsReadByItsTeacherHerLeaderThePrincipalAndTheOfficeOnly() throws Exception {
        archive.record(teacher, LocalDate.now(clock), ArchiveKind.RESEARCH_PROJECT, "课题" + suffix, null,
                "test", "read-" + suffix);
        for (String reader : List.of(teacher, leader, PRINCIPAL, OFFICE)) {
            mvc.perform(get("/archive/" + teacher).with(web.as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("课题" + suffix)));
        }
        for (String stranger : List.of(colleague, otherLeader, outsider)) {
            mvc.perform(get("/archive/" + teacher).with(web.as(stranger))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/archive/nobody." + suffix).with(web.as(PRINCIPAL))).andExpect(status().isNotFound());
        // a reader sees no edit buttons on someone else's archive
        mvc.perform(get("/archive/" + teacher).with(web.as(leader)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/archive/new"))));
    }

    @Test
    void aGroupsChecklistIsShownToItsLeaderAndExportedAsCsv() throws Exception {
        LocalDate today = LocalDate.now(clock);
        for (ArchiveKind kind : ArchiveKind.values()) {
            archive.record(colleague, today, kind, "齐全 " + kind, null, "test", "csv-" + suffix + kind);
        }
        archive.record(teacher, today, ArchiveKind.REFLECTION, "只有反思", null, "test", "csv-" + suffix);

        String page = mvc.perform(get("/archive/group").with(web.as(leader))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("教师" + suffix, "同事" + suffix, "组长" + suffix, "/archive/" + teacher,
                "论文与获奖证书").doesNotContain("别组教师" + suffix);

        String csv = mvc.perform(get("/archive/group.csv").with(web.as(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).contains(
                colleague + ",同事" + suffix + ",档案组" + suffix + ",完整,",
                teacher + ",教师" + suffix + ",档案组" + suffix + ",不完整,听课记录、优秀教案、参与课题研究情况、论文与获奖证书");

        // the principal and the office choose any group; a leader only her own, a teacher none
        mvc.perform(get("/archive/group").param("group", group).with(web.as(OFFICE))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("教师" + suffix)));
        mvc.perform(get("/archive/group.csv").param("group", group).with(web.as(PRINCIPAL))).andExpect(status().isOk());
        mvc.perform(get("/archive/group").param("group", group).with(web.as(otherLeader))).andExpect(status().isNotFound());
        mvc.perform(get("/archive/group.csv").param("group", group).with(web.as(otherLeader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/archive/group").with(web.as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/archive/group.csv").with(web.as(teacher))).andExpect(status().isForbidden());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private MockMultipartHttpServletRequestBuilder entry(Map<String, String> fields, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/archive/new");
        if (!fields.containsKey("date")) {
            request.param("date", LocalDate.now(clock).toString());
        }
        if (!fields.containsKey("token")) {
            request.param("token", UUID.randomUUID().toString());
        }
        fields.forEach(request::param);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.with(csrf());
        return request;
    }

    private MockMultipartHttpServletRequestBuilder edit(ArchiveEntry entry, String title) {
        MockMultipartHttpServletRequestBuilder request = multipart("/archive/entries/" + entry.getId() + "/edit");
        request.param("kind", "REFLECTION").param("date", entry.getDate().toString()).param("title", title)
                .param("description", "改过的说明")
                .param("version", entry.getVersion() == null ? "" : entry.getVersion().toString());
        request.with(csrf());
        return request;
    }

    private static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("files", name, "application/pdf", "%PDF-1.4 certificate".getBytes());
    }

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("files", name, "application/octet-stream", "MZ".getBytes());
    }
}
