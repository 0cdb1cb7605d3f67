package school.training.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.ledger.Category;
import school.training.ledger.TrainingLedger;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * The office's import of hours lists (学时导入) from an online training platform or the county bureau:
 * every row is read and checked into a preview (unknown or ambiguous names, the same row twice, bad
 * hours or dates, rows imported before); confirming credits the whole list in one transaction or
 * nothing. Each row's ledger key is a hash of teacher, course and date, so uploading the same list
 * again credits nothing twice.
 */
@Service
public class HoursImport {

    public static final String SOURCE = "hoursImport";
    private static final BigDecimal MAX_HOURS = new BigDecimal("500");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);
    private static final Map<String, Category> CATEGORY_NAMES = Map.of("网络培训", Category.ONLINE, "网络研修",
            Category.ONLINE, "集中培训", Category.CENTRALIZED, "教育技术", Category.EDUCATION_TECHNOLOGY, "校本研修",
            Category.SCHOOL_BASED, "企业实践", Category.ENTERPRISE_PLACEMENT, "外出学习", Category.OUTSIDE_STUDY,
            "学历进修", Category.DEGREE_STUDY);

    private final HoursImportBatchRepository batches;
    private final HoursImportRowRepository rows;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final Clock clock;

    HoursImport(HoursImportBatchRepository batches, HoursImportRowRepository rows, Directory directory,
            TrainingLedger ledger, Clock clock) {
        this.batches = batches;
        this.rows = rows;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a page needs of a batch: its record, how many rows are fine, how many were imported before. */
    public record Summary(HoursImportBatch batch, long ready, long importedBefore) {
        public boolean confirmable() {
            return !batch.isConfirmed() && batch.getProblemCount() == 0;
        }
    }

    /**
     * Reads and checks a list; nothing is credited.
     *
     * @throws HoursListReader.Refused when the file itself cannot be read faithfully
     */
    @Transactional
    public Long preview(String fileName, byte[] content, Category defaultCategory, String importedBy) {
        List<List<String>> lines = HoursListReader.read(fileName, content);
        Columns columns = Columns.of(lines.isEmpty() ? List.of() : lines.get(0));
        HoursImportBatch batch = batches.save(new HoursImportBatch(shorten(fileName), importedBy, clock.instant()));
        People people = new People(directory.everyone());
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        int problems = 0;
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            count++;
            HoursImportRow row = check(batch.getId(), i + 1, cells, columns, defaultCategory, people, seen);
            rows.save(row);
            problems += row.getProblem() == null ? 0 : 1;
        }
        if (count == 0) {
            throw new HoursListReader.Refused("recognition.import.refused.noRows");
        }
        batch.counted(count, problems);
        return batch.getId();
    }

    private HoursImportRow check(Long batchId, int line, List<String> cells, Columns columns, Category defaultCategory,
            People people, Map<String, Integer> seen) {
        String teacherText = columns.cell(cells, columns.teacher);
        HoursImportRow row = new HoursImportRow(batchId, line, shorten(teacherText));
        List<Person> matches = people.matching(teacherText);
        String teacherId = matches.size() == 1 ? matches.get(0).getId() : null;
        if (teacherText.isBlank()) {
            row.problem("recognition.import.problem.noTeacher", null);
        } else if (matches.isEmpty()) {
            row.problem("recognition.import.problem.unknownTeacher", teacherText);
        } else if (matches.size() > 1) {
            row.problem("recognition.import.problem.ambiguousTeacher",
                    String.join("、", matches.stream().map(p -> p.getId()).toList()));
        }
        String course = columns.cell(cells, columns.course);
        if (course.isBlank()) {
            row.problem("recognition.import.problem.noCourse", null);
        }
        BigDecimal hours = hours(columns.cell(cells, columns.hours));
        if (hours == null) {
            row.problem("recognition.import.problem.badHours", columns.cell(cells, columns.hours));
        }
        String dateText = columns.cell(cells, columns.date);
        LocalDate date = date(dateText);
        if (date == null) {
            row.problem("recognition.import.problem.badDate", dateText);
        } else if (date.isAfter(LocalDate.now(clock))) {
            row.problem("recognition.import.problem.futureDate", dateText);
        }
        Category category = defaultCategory;
        String categoryText = columns.cell(cells, columns.category);
        if (!categoryText.isBlank()) {
            category = category(categoryText);
            if (category == null) {
                row.problem("recognition.import.problem.badCategory", categoryText);
            }
        }
        String sourceId = teacherId == null || date == null || course.isBlank() ? null : sourceId(teacherId, course, date);
        row.read(teacherId, shorten(course), hours, date, category, sourceId);
        if (sourceId != null) {
            Integer first = seen.putIfAbsent(sourceId, line);
            if (first != null) {
                row.problem("recognition.import.problem.duplicate", String.valueOf(first));
            } else if (ledger.entryFor(SOURCE, sourceId, teacherId).isPresent()) {
                row.importedBefore();
            }
        }
        return row;
    }

    /** Credits every row of a previewed list without problems, all in one transaction; the number credited now. */
    @Transactional
    public int confirm(Long batchId) {
        HoursImportBatch batch = batches.findById(batchId).orElseThrow();
        if (batch.isConfirmed() || batch.getProblemCount() > 0) {
            throw new IllegalStateException("Batch " + batchId + " cannot be confirmed");
        }
        List<TrainingLedger.Credit> credits = rows.findByBatchIdOrderByLine(batchId).stream()
                .map(r -> new TrainingLedger.Credit(r.getTeacherId(), r.getDate(), r.getCategory(), r.getHours(),
                        r.getCourse(), SOURCE, r.getSourceId()))
                .toList();
        int credited = ledger.creditAll(credits).size();
        batch.confirmed(clock.instant(), credited);
        return credited;
    }

    @Transactional(readOnly = true)
    public Optional<Summary> summary(Long batchId) {
        return batches.findById(batchId).map(batch -> {
            List<HoursImportRow> all = rows.findByBatchIdOrderByLine(batchId);
            return new Summary(batch, all.stream().filter(r -> r.getProblem() == null && !r.isImportedBefore()).count(),
                    all.stream().filter(HoursImportRow::isImportedBefore).count());
        });
    }

    @Transactional(readOnly = true)
    public Page<HoursImportRow> rows(Long batchId, String onlyTeacher, Pageable page) {
        return onlyTeacher == null ? rows.findByBatchIdOrderByLine(batchId, page)
                : rows.findByBatchIdAndTeacherIdOrderByLine(batchId, onlyTeacher, page);
    }

    @Transactional(readOnly = true)
    public Page<HoursImportRow> problems(Long batchId, Pageable page) {
        return rows.findByBatchIdAndProblemIsNotNullOrderByLine(batchId, page);
    }

    /** The confirmed batch that credited a ledger entry of source {@value #SOURCE}. */
    @Transactional(readOnly = true)
    public Optional<Long> batchOf(String sourceId) {
        return Optional.ofNullable(rows.creditingBatch(sourceId));
    }

    static String sourceId(String teacherId, String course, LocalDate date) {
        String key = teacherId + "|" + normalize(course) + "|" + date;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal hours(String text) {
        try {
            BigDecimal hours = new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
            if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 1
                    && hours.setScale(1, RoundingMode.HALF_UP).compareTo(hours) != 0) {
                return null;
            }
            return hours.setScale(1, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static Category category(String text) {
        String t = text.strip();
        for (Category c : Category.values()) {
            if (c.name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        return CATEGORY_NAMES.get(t);
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 100 ? text.substring(0, 100) : text;
    }

    /** Which column holds what, by the header's words; without a recognisable header: teacher, course, hours, date, category. */
    private record Columns(int teacher, int course, int hours, int date, int category) {
        static Columns of(List<String> header) {
            int teacher = find(header, "工号", "教师", "姓名", "teacher", "user", "name");
            int course = find(header, "课程", "项目", "培训", "course", "programme", "program", "title");
            int hours = find(header, "学时", "hours");
            int date = find(header, "日期", "时间", "date");
            int category = find(header, "类别", "category");
            if (teacher < 0 || course < 0 || hours < 0 || date < 0) {
                return new Columns(0, 1, 2, 3, 4);
            }
            return new Columns(teacher, course, hours, date, category);
        }

        private static int find(List<String> header, String... words) {
            for (int i = 0; i < header.size(); i++) {
                String cell = header.get(i).toLowerCase(Locale.ROOT);
                for (String word : words) {
                    if (cell.contains(word)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        String cell(List<String> cells, int index) {
            return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
        }
    }

    /** Everyone here now, found by user id or by name (a name two people share is no match for either). */
    private static final class People {
        private final Map<String, Person> byId = new HashMap<>();
        private final Map<String, List<Person>> byName = new HashMap<>();

        People(List<Person> everyone) {
            for (Person person : everyone) {
                byId.put(person.getId(), person);
                byName.computeIfAbsent(person.getName(), n -> new java.util.ArrayList<>()).add(person);
            }
        }

        List<Person> matching(String text) {
            String t = text.strip();
            Person person = byId.get(t);
            return person != null ? List.of(person) : byName.getOrDefault(t, List.of());
        }
    }
}
