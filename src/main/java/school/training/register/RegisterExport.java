package school.training.register;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

import school.training.web.Csv;

/**
 * The register as a file: one row per request, the headings in the reader's language, written as the
 * rows arrive a chunk at a time — CSV through {@link Csv}, Excel through POI's streaming workbook, which
 * keeps only a window of rows in memory and the rest in a temporary file it deletes afterwards.
 */
final class RegisterExport {

    static final List<String> COLUMNS = List.of("number", "process", "title", "teacher", "group", "state", "step",
            "submitted", "ended");
    /** Rows of the Excel sheet held in memory before they go to the temporary file. */
    private static final int WINDOW = 100;

    private RegisterExport() {
    }

    /** Hands the writer of each chunk of rows to {@code rows}, which calls it until every row is written. */
    interface Rows {
        void each(Consumer<List<RegisterRow>> chunk);
    }

    static List<String> headings(MessageSource messages, Locale locale) {
        return COLUMNS.stream().map(c -> messages.getMessage("register.column." + c, null, locale)).toList();
    }

    static List<String> cells(RegisterRow row, Register register, Locale locale) {
        return java.util.Arrays.asList(row.approvalNumber(), register.processName(row.processKey(), locale),
                row.title(), row.teacherName(), row.groupName(), register.stateName(row.state(), locale),
                register.statusName(row.status(), locale), text(row.submitted()), text(row.ended()));
    }

    static void csv(Rows rows, Register register, MessageSource messages, Locale locale, OutputStream out)
            throws IOException {
        Csv.Writer csv = new Csv.Writer(out).header(headings(messages, locale));
        try {
            rows.each(chunk -> {
                try {
                    csv.rows(chunk.stream().map(row -> cells(row, register, locale)).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    static void xlsx(Rows rows, Register register, MessageSource messages, Locale locale, String sheetName,
            OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet.createRow(0), headings(messages, locale), bold);
            int[] next = { 1 };
            rows.each(chunk -> chunk.forEach(row -> write(sheet.createRow(next[0]++), cells(row, register, locale),
                    null)));
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /** Text cells only: an approval number or title is never taken for a number or a formula. */
    private static void write(Row row, List<String> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(cells.get(i) == null ? "" : cells.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
