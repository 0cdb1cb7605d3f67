package school.training.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Roster files built in code, as the office would upload them: .xlsx written with POI (the way Excel
 * writes them, strings in cells) and CSV text. Shared by the roster tests and the browser tests, e.g.
 * {@code RosterFiles.sixtyTeachers(groupA, groupB).xlsx()} for a good 60-row roster with fresh ids.
 */
public final class RosterFiles {

    /** The template's Chinese header row. */
    public static final List<String> HEADER = List.of("用户名", "姓名", "教研组", "角色", "学科", "职称", "用工", "学历",
            "电子邮箱", "电话");

    private RosterFiles() {
    }

    /** A roster: a header and rows of cell text. */
    public record Roster(List<String> header, List<List<String>> rows) {

        public Roster(List<List<String>> rows) {
            this(HEADER, rows);
        }

        /** The id column of every row, in order. */
        public List<String> ids() {
            return rows.stream().map(row -> row.get(0)).toList();
        }

        public byte[] xlsx() {
            return RosterFiles.xlsx(header, rows, sheet -> { });
        }

        public byte[] xlsx(Consumer<Sheet> tweak) {
            return RosterFiles.xlsx(header, rows, tweak);
        }

        public byte[] csv() {
            return RosterFiles.csv(header, rows).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One row in the template's column order. */
    public static List<String> row(String id, String name, String group, String role, String subject, String title,
            String employment, String degree, String email, String phone) {
        return List.of(id, name, group, role, subject, title, employment, degree, email, phone);
    }

    /** 60 new teachers with fresh ids (t01.xxxxxx…), spread over the given groups (codes), all valid. */
    public static Roster sixtyTeachers(String... groupIds) {
        return teachers(60, groupIds);
    }

    public static Roster teachers(int count, String... groupIds) {
        String batch = UUID.randomUUID().toString().substring(0, 6);
        String[] subjects = { "语文", "数学", "英语", "物理", "历史", "音乐" };
        String[] degrees = { "本科", "硕士", "专科", "本科", "博士" };
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("t%03d.%s", i, batch);
            rows.add(row(id, "导入教师" + i, groupIds[i % groupIds.length], "教师", subjects[i % subjects.length],
                    i % 3 == 0 ? "一级教师" : "二级教师", i % 10 == 0 ? "兼职" : "专任", degrees[i % degrees.length],
                    id + "@example.org", String.format("138 0000 %04d", i)));
        }
        return new Roster(rows);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows, Consumer<Sheet> tweak) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            write(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            tweak.accept(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook protected with an opening password, as Excel's "Encrypt with password" writes it. */
    public static byte[] encrypted(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("geheim");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** CSV as Excel writes it: commas, quotes only where needed, CRLF; nothing defused (tests need "=…"). */
    public static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            csv.append(i > 0 ? "," : "").append(cell.contains(",") || cell.contains("\"")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append("\r\n");
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }
}
