package school.training.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.ledger.LedgerEntry;
import school.training.ledger.TrainingLedger;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * The office's import of hours lists: a preview names every problem before anything is credited, a list
 * with problems credits nothing, a confirmed list credits once and the same list again credits nothing;
 * files that cannot be read faithfully are refused with a reason. Teachers of the test's own, with
 * unique names (and two sharing one).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class HoursImportTests {

    private static final String HEADER = "教师,课程名称,学时,培训日期,类别\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    Directory directory;
    @Autowired
    TrainingLedger ledger;

    String suffix;
    String byId;
    String byName;
    String nameOfByName;
    String twinName;

    @BeforeEach
    void teachers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        byId = register("imp.a." + suffix, "甲老师" + suffix);
        nameOfByName = "乙老师" + suffix;
        byName = register("imp.b." + suffix, nameOfByName);
        twinName = "同名" + suffix;
        register("imp.c." + suffix, twinName);
        register("imp.d." + suffix, twinName);
    }

    @Test
    void thePreviewNamesEveryProblemAndNothingIsCredited() throws Exception {
        String csv = HEADER
                + byId + ",新课标解读,6,2026-03-10,网络培训\n"
                + nameOfByName + ",新课标解读,6,2026/3/10,\n"
                + "不存在的人" + suffix + ",新课标解读,6,2026-03-10,\n"
                + twinName + ",新课标解读,6,2026-03-10,\n"
                + byId + ",新课标解读,6,2026-03-10,网络培训\n"
                + nameOfByName + ",作业设计,六,2026-03-11,\n"
                + nameOfByName + ",作业设计,3,2026-13-45,\n";

        String location = upload("名单.csv", csv.getBytes(StandardCharsets.UTF_8));
        String preview = previewPage(location);

        assertThat(preview).contains("共 7 行：可计入 2 行，有问题 5 行")
                .contains("找不到教师“不存在的人" + suffix + "”")
                .contains("有多位教师同名（imp.c." + suffix + "、imp.d." + suffix + "）")
                .contains("与第 2 行重复").contains("学时“六”").contains("日期“2026-13-45”")
                .doesNotContain("id=\"confirm\"");

        // confirming anyway credits nothing
        Long batch = batchOf(location);
        mvc.perform(post("/ledger/import/" + batch + "/confirm").with(csrf()).with(as("zhao.min", "office")))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.entriesOf(byId)).isEmpty();
        assertThat(ledger.entriesOf(byName)).isEmpty();
    }

    @Test
    void aConfirmedListCreditsOnceAndTheSameListAgainCreditsNothing() throws Exception {
        byte[] list = xlsx(false, false);

        String first = previewPage(upload("平台导出.xlsx", list));
        assertThat(first).contains("共 2 行：可计入 2 行，有问题 0 行，以前已导入 0 行");
        String credited = confirm(batchOf(first));
        assertThat(credited).contains("已计入台账 2 行").contains("平台导出.xlsx");

        assertThat(ledger.entriesOf(byId)).singleElement().satisfies(entry -> {
            assertThat(entry.getHours()).isEqualByComparingTo("8.5");
            assertThat(entry.getSource()).isEqualTo("hoursImport");
            assertThat(entry.getTitle()).isEqualTo("信息技术应用能力提升");
        });
        assertThat(ledger.entriesOf(byName)).singleElement()
                .satisfies(entry -> assertThat(entry.getHours()).isEqualByComparingTo(new BigDecimal("12")));

        // the same list again: previewed as imported before, confirming credits nothing
        String again = previewPage(upload("平台导出（再次）.xlsx", list));
        assertThat(again).contains("可计入 0 行，有问题 0 行，以前已导入 2 行");
        assertThat(confirm(batchOf(again))).contains("已计入台账 0 行");
        assertThat(ledger.entriesOf(byId)).hasSize(1);
        assertThat(ledger.entriesOf(byName)).hasSize(1);

        // the ledger entry leads to the batch that credited it; a teacher sees only her own rows there
        LedgerEntry entry = ledger.entriesOf(byId).get(0);
        String location = mvc.perform(get(entry.getSourceLink()).with(as(byId, "teachers")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/ledger/batches/" + batchOf(first));
        String own = mvc.perform(get(location).with(as(byId, "teachers"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(own).contains("平台导出.xlsx").contains(byId).doesNotContain(byName);
        mvc.perform(get(location).with(as("zhou.tao", "teachers"))).andExpect(status().isNotFound());
    }

    @Test
    void filesThatCannotBeReadFaithfullyAreRefusedWithAReason() throws Exception {
        assertThat(refusal("公式.xlsx", xlsx(true, false))).contains("单元格 C2 是公式");
        assertThat(refusal("合并.xlsx", xlsx(false, true))).contains("合并单元格");
        assertThat(refusal("坏的.xlsx", "not a spreadsheet".getBytes(StandardCharsets.UTF_8))).contains("无法读取");
        assertThat(refusal("名单.txt", "x".getBytes(StandardCharsets.UTF_8))).contains("只能导入 .xlsx 或 .csv");
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= HoursListReader.MAX_ROWS; i++) {
            many.append(byId).append(",课程").append(i).append(",1,2026-03-10,\n");
        }
        assertThat(refusal("很长.csv", many.toString().getBytes(StandardCharsets.UTF_8))).contains("一次最多导入 5000 行");
    }

    @Test
    void onlyTheOfficeImports() throws Exception {
        mvc.perform(get("/ledger/import").with(as("li.na", "teachers"))).andExpect(status().isForbidden());
        mvc.perform(get("/ledger/import").with(as("liu.hua", "principal"))).andExpect(status().isForbidden());
        mvc.perform(get("/ledger/import").with(as("zhao.min", "office"))).andExpect(status().isOk());
    }

    private String upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/ledger/import").file(new MockMultipartFile("file", name, null, content))
                .param("category", "EDUCATION_TECHNOLOGY").with(csrf()).with(as("zhao.min", "office")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    private String refusal(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/ledger/import").file(new MockMultipartFile("file", name, null, content))
                .with(csrf()).with(as("zhao.min", "office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String previewPage(String location) throws Exception {
        return mvc.perform(get(location).with(as("zhao.min", "office"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String confirm(Long batch) throws Exception {
        String location = mvc.perform(post("/ledger/import/" + batch + "/confirm").with(csrf())
                .with(as("zhao.min", "office"))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).isEqualTo("/ledger/batches/" + batch);
        var result = mvc.perform(post("/ledger/import/" + batch + "/confirm").with(csrf())
                .with(as("zhao.min", "office"))).andReturn();
        // a second confirmation changes nothing; the batch page shows what the first one credited
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ledger/import/" + batch);
        return mvc.perform(get(location).with(as("zhao.min", "office")).flashAttr("credited",
                Integer.valueOf(creditedCount(batch)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Autowired
    HoursImport imports;

    private int creditedCount(Long batch) {
        return imports.summary(batch).orElseThrow().batch().getCreditedCount();
    }

    private static Long batchOf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/ledger/import/(\\d+)").matcher(page);
        if (m.find()) {
            return Long.valueOf(m.group(1));
        }
        throw new AssertionError("no batch id in the page");
    }

    private byte[] xlsx(boolean formula, boolean merged) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("学时");
            String[] header = { "工号或姓名", "课程", "学时", "日期" };
            for (int i = 0; i < header.length; i++) {
                sheet.createRow(0).createCell(i);
            }
            var head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            var a = sheet.createRow(1);
            a.createCell(0).setCellValue(byId);
            a.createCell(1).setCellValue("信息技术应用能力提升");
            if (formula) {
                a.createCell(2).setCellFormula("4+4.5");
            } else {
                a.createCell(2).setCellValue(8.5);
            }
            a.createCell(3).setCellValue("2026-05-20");
            var b = sheet.createRow(2);
            b.createCell(0).setCellValue(nameOfByName);
            b.createCell(1).setCellValue("信息技术应用能力提升");
            b.createCell(2).setCellValue(12);
            b.createCell(3).setCellValue("2026-05-20");
            if (merged) {
                sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String register(String id, String name) {
        directory.register(id, name, Role.TEACHER, "math", "数学", "demo");
        // a recorded degree, so the school's degree statistics (DegreeStatisticsControllerTests) count no unknowns
        directory.changeDegree(id, Degree.BACHELOR);
        return id;
    }

    private static RequestPostProcessor as(String userId, String... groups) {
        SimpleGrantedAuthority[] authorities = new SimpleGrantedAuthority[groups.length];
        for (int i = 0; i < groups.length; i++) {
            authorities[i] = new SimpleGrantedAuthority("GROUP_" + groups[i]);
        }
        return user(userId).authorities(authorities);
    }
}
