package school.training.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import school.training.web.Csv;

/**
 * The empty roster the office downloads: the Chinese headers on the first sheet (all cells formatted as
 * text, so Excel keeps a phone number's digits and an id's dots), and on a second sheet the values each
 * column accepts with examples. The examples live only on that sheet, which is never read, so an example
 * person cannot be imported by accident. The CSV has no second sheet: its notes are lines starting with #.
 */
final class RosterTemplate {

    /** The name of the sheet with the people; the reader looks for it first. */
    static final String SHEET = "名单";

    private RosterTemplate() {
    }

    static byte[] xlsx(List<TeachingGroup> groups) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormat format = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setDataFormat(format.getFormat("@"));

            Sheet roster = workbook.createSheet(SHEET);
            Row header = roster.createRow(0);
            RosterColumn[] columns = RosterColumn.values();
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c].header());
                header.getCell(c).setCellStyle(bold);
                roster.setDefaultColumnStyle(c, text);
                roster.setColumnWidth(c, 14 * 256);
            }
            roster.createFreezePane(0, 1);

            Sheet notes = workbook.createSheet("填写说明");
            int at = 0;
            for (List<String> line : notes(groups)) {
                Row row = notes.createRow(at++);
                for (int c = 0; c < line.size(); c++) {
                    row.createCell(c).setCellValue(line.get(c));
                }
            }
            notes.setColumnWidth(0, 14 * 256);
            notes.setColumnWidth(1, 70 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    static byte[] csv(List<TeachingGroup> groups) {
        List<String> header = Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("# 以 # 开头的行是说明，不会被导入；每人一行，写在这些说明的下面。"));
        for (List<String> note : notes(groups).subList(1, notes(groups).size())) {
            rows.add(List.of("# " + String.join("：", note)));
        }
        return Csv.of(header, rows);
    }

    /** One line per column: what it takes. Shared by both templates so they never disagree. */
    private static List<List<String>> notes(List<TeachingGroup> groups) {
        String groupNames = String.join("、", groups.stream().map(g -> g.getName() + "（" + g.getId() + "）").toList());
        return List.of(
                List.of("列", "填写说明（本页不会被导入；每人一行填在“名单”页）"),
                List.of("用户名", "必填。登录名：小写字母、数字、点、下划线或连字符，例如 wang.fang。已有的用户名表示更新此人，新的用户名表示新增。"),
                List.of("姓名", "新增时必填，例如 王芳。"),
                List.of("教研组", "教师和教研组长必填。写名称或代码：" + groupNames),
                List.of("角色", "教师、教研组长、校长、办公室（也可写 TEACHER、GROUP_LEADER、PRINCIPAL、OFFICE）。"
                        + "已有组长的教研组不能通过导入更换组长，请到“教研组管理”页面。"),
                List.of("学科", "例如 语文。"),
                List.of("职称", "例如 一级教师。"),
                List.of("用工", "专任 或 兼职（也可写 FULL_TIME、PART_TIME）；空着表示专任。"),
                List.of("学历", "中专/高中、专科、本科、硕士、博士（也可写 SECONDARY、COLLEGE、BACHELOR、MASTER、DOCTOR）。"),
                List.of("电子邮箱", "例如 wang.fang@example.org"),
                List.of("电话", "数字、空格、+、-、括号，例如 138 0000 0000"),
                List.of("职务", "可空，例如 副校长、教导主任、年级组长（听课任务可按职务设置）。"),
                List.of("空单元格", "更新已有人员时，空着的单元格保留系统里原有的内容（导入不会清空任何内容）。"),
                List.of("不在名单里的人", "不会被删除或停用；离校请在人员页面办理。"),
                List.of("不接受", "公式、合并单元格、加密的文件；最多 " + RosterReader.MAX_ROWS + " 行。"),
                List.of("示例", "wang.fang | 王芳 | 语文组 | 教师 | 语文 | 二级教师 | 专任 | 本科 | wang.fang@example.org | 138 0000 0000"));
    }
}
