package school.training.people;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded roster (.xlsx or .csv) into a {@link RosterSheet}, or refuses the whole file with one
 * clear reason. The type is decided by the bytes, not by the name alone: an .xlsx is a zip, an encrypted
 * workbook (or an old .xls) is an OLE2 file POI would need a password for, and a CSV is text. Formulas and
 * merged cells are refused rather than guessed at: a formula's cached value may be stale, and a merged
 * group cell belongs to several rows only by appearance.
 */
final class RosterReader {

    /** Far above any school's staff (150 is a big one), low enough that a preview stays readable and quick. */
    static final int MAX_ROWS = 2000;
    /** A 2000-row workbook is about 100 KB; anything this big is not a roster. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_FORMULAS_LISTED = 10;

    private RosterReader() {
    }

    static RosterSheet read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0) {
            throw new RosterFileRefused("roster.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RosterFileRefused("roster.file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        boolean xlsxName = lower.endsWith(".xlsx");
        if (!xlsxName && !lower.endsWith(".csv")) {
            throw new RosterFileRefused("roster.file.type", name);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new RosterFileRefused("roster.file.encrypted");
        }
        boolean zip = startsWith(bytes, 'P', 'K', 3, 4);
        if (xlsxName != zip) {
            throw new RosterFileRefused(xlsxName ? "roster.file.notXlsx" : "roster.file.notCsv", name);
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (zip) {
            readWorkbook(bytes, rows, numbers);
        } else {
            readCsv(name, bytes, rows, numbers);
        }
        return toSheet(name, rows, numbers);
    }

    private static void readWorkbook(byte[] bytes, List<List<String>> rows, List<Integer> numbers) {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError unreadable) {
            // zip bombs, missing parts, a .docx renamed .xlsx: POI throws many types, the office needs one answer
            throw new RosterFileRefused("roster.file.corrupt");
        }
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new RosterFileRefused("roster.file.empty");
            }
            // the template's sheet by name, wherever the office moved it; otherwise the first sheet
            Sheet sheet = workbook.getSheet(RosterTemplate.SHEET) != null ? workbook.getSheet(RosterTemplate.SHEET)
                    : workbook.getSheetAt(0);
            if (sheet.getNumMergedRegions() > 0) {
                throw new RosterFileRefused("roster.file.merged", sheet.getMergedRegion(0).formatAsString());
            }
            if (sheet.getPhysicalNumberOfRows() > MAX_ROWS + 50) {
                throw new RosterFileRefused("roster.file.tooManyRows", MAX_ROWS);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Problem> formulas = new ArrayList<>();
            List<String> header = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        if (formulas.size() < MAX_FORMULAS_LISTED) {
                            formulas.add(Problem.of("file", "roster.file.formula", row.getRowNum() + 1,
                                    header != null && c < header.size() && !header.get(c).isBlank() ? header.get(c)
                                            : CellReference.convertNumToColString(c)));
                        }
                        cells.add("");
                    } else {
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                if (header == null && !blank(cells)) {
                    header = cells;
                }
                rows.add(cells);
                numbers.add(row.getRowNum() + 1);
            }
            if (!formulas.isEmpty()) {
                throw new RosterFileRefused(formulas);
            }
        } catch (java.io.IOException closing) {
            throw new RosterFileRefused("roster.file.corrupt");
        }
    }

    private static void readCsv(String name, byte[] bytes, List<List<String>> rows, List<Integer> numbers) {
        String text = decode(name, bytes);
        if (text.indexOf('\0') >= 0) {
            throw new RosterFileRefused("roster.file.notCsv", name);
        }
        List<Problem> formulas = new ArrayList<>();
        List<String> header = null;
        for (CsvRecord record : CsvRecord.parse(text)) {
            if (rows.size() > MAX_ROWS + 50) {
                throw new RosterFileRefused("roster.file.tooManyRows", MAX_ROWS);
            }
            List<String> cells = record.cells();
            for (int c = 0; c < cells.size(); c++) {
                // a CSV has no formulas, but Excel runs "=…" when it opens the file again: refuse it as one
                if (cells.get(c).strip().startsWith("=") && formulas.size() < MAX_FORMULAS_LISTED) {
                    formulas.add(Problem.of("file", "roster.file.formula", record.line(),
                            header != null && c < header.size() ? header.get(c) : String.valueOf(c + 1)));
                }
            }
            if (header == null && !blank(cells)) {
                header = cells;
            }
            rows.add(cells);
            numbers.add(record.line());
        }
        if (!formulas.isEmpty()) {
            throw new RosterFileRefused(formulas);
        }
    }

    /** UTF-8 (with or without a BOM) first; Excel on a Chinese Windows saves "CSV" as GBK, read as GB18030. */
    private static String decode(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException binary) {
                throw new RosterFileRefused("roster.file.notCsv", name);
            }
        }
    }

    private static RosterSheet toSheet(String name, List<List<String>> rows, List<Integer> numbers) {
        int at = 0;
        while (at < rows.size() && (blank(rows.get(at)) || isNote(rows.get(at)))) {
            at++;
        }
        if (at == rows.size()) {
            throw new RosterFileRefused("roster.file.empty");
        }
        List<String> headerCells = rows.get(at);
        List<RosterColumn> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String text : headerCells) {
            if (text.isBlank()) {
                columns.add(null);
                continue;
            }
            RosterColumn column = RosterColumn.byHeader(text).orElse(null);
            if (column == null) {
                unknown.add(text.strip());
            } else if (columns.contains(column)) {
                throw new RosterFileRefused("roster.file.duplicateHeader", text.strip());
            }
            columns.add(column);
        }
        if (!unknown.isEmpty()) {
            throw new RosterFileRefused("roster.file.unknownHeaders", String.join("、", unknown));
        }
        for (RosterColumn required : RosterColumn.REQUIRED) {
            if (!columns.contains(required)) {
                throw new RosterFileRefused("roster.file.missingColumn", required.header());
            }
        }
        List<RosterSheet.Line> lines = new ArrayList<>();
        for (int i = at + 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (blank(cells) || isNote(cells)) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                throw new RosterFileRefused("roster.file.tooManyRows", MAX_ROWS);
            }
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            for (int c = 0; c < cells.size(); c++) {
                RosterColumn column = c < columns.size() ? columns.get(c) : null;
                if (column != null) {
                    values.put(column, cells.get(c).strip());
                } else if (!cells.get(c).isBlank()) {
                    // text under no header would be dropped without a word; say where it is instead
                    throw new RosterFileRefused("roster.file.cellWithoutHeader", numbers.get(i),
                            CellReference.convertNumToColString(c));
                }
            }
            lines.add(new RosterSheet.Line(numbers.get(i), values));
        }
        if (lines.isEmpty()) {
            throw new RosterFileRefused("roster.file.noRows");
        }
        return new RosterSheet(name, columns.stream().filter(java.util.Objects::nonNull).toList(), lines);
    }

    /** The template's explanation lines and anyone's own notes start with #; they are not people. */
    private static boolean isNote(List<String> cells) {
        return !cells.isEmpty() && cells.get(0).strip().startsWith("#");
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
