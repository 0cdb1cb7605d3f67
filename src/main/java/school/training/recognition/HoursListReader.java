package school.training.recognition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an hours list (.xlsx or .csv) into rows of text: the first sheet, the first row its header.
 * Refuses, with a message key, what it cannot read faithfully: formulas (a value that is not what the
 * platform exported), merged cells, encrypted or corrupt files, more than {@value #MAX_ROWS} rows.
 */
final class HoursListReader {

    static final int MAX_ROWS = 5000;

    /** Thrown with the message key of why a file is refused (recognition.import.refused.*) and its arguments. */
    static final class Refused extends RuntimeException {
        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.args = args;
        }
    }

    private HoursListReader() {
    }

    /** The rows, header first; each row's cells as text (dates as yyyy-MM-dd). */
    static List<List<String>> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            throw new Refused("recognition.import.refused.empty");
        }
        if (name.endsWith(".csv")) {
            return csv(content);
        }
        if (name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        throw new Refused("recognition.import.refused.type");
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                // an encrypted .xlsx is an OLE2 container (so is an old .xls renamed)
                throw new Refused("recognition.import.refused.encrypted");
            }
            if (magic != FileMagic.OOXML) {
                throw new Refused("recognition.import.refused.corrupt");
            }
            try (Workbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheetAt(0);
                if (sheet.getNumMergedRegions() > 0) {
                    throw new Refused("recognition.import.refused.merged",
                            sheet.getMergedRegion(0).formatAsString());
                }
                if (sheet.getLastRowNum() > MAX_ROWS) {
                    throw new Refused("recognition.import.refused.tooMany", MAX_ROWS);
                }
                DataFormatter formatter = new DataFormatter(Locale.ROOT);
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                        Cell cell = row.getCell(i);
                        if (cell != null && cell.getCellType() == CellType.FORMULA) {
                            throw new Refused("recognition.import.refused.formula", cell.getAddress().formatAsString());
                        }
                        cells.add(text(cell, formatter));
                    }
                    while (rows.size() < row.getRowNum()) {
                        rows.add(List.of()); // keep line numbers true to the sheet
                    }
                    rows.add(cells);
                }
                return rows;
            }
        } catch (Refused e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new Refused("recognition.import.refused.encrypted");
        } catch (IOException | RuntimeException e) {
            throw new Refused("recognition.import.refused.corrupt");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<List<String>> csv(byte[] content) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString().strip());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (rows.size() > MAX_ROWS + 1) {
                    throw new Refused("recognition.import.refused.tooMany", MAX_ROWS);
                }
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString().strip());
            rows.add(row);
        }
        if (rows.size() > MAX_ROWS + 1) {
            throw new Refused("recognition.import.refused.tooMany", MAX_ROWS);
        }
        return rows;
    }

    /** UTF-8, or GBK as Excel in Chinese Windows saves CSV. */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GBK"));
        }
    }
}
