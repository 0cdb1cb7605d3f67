package school.training.archive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a teacher types on /archive/new (or when revising her entry), as sent: kept as text so a page shown
 * again with a problem shows exactly what she typed. {@code attachmentIds} are files already stored (uploaded
 * with an earlier attempt, or attached before): they stay attached across a refused attempt.
 */
public class EntryForm {

    /** What a teacher may add herself; the other kinds are written by the processes that decide them. */
    static final Set<ArchiveKind> TEACHER_KINDS = EnumSet.of(ArchiveKind.REFLECTION,
            ArchiveKind.EXCELLENT_LESSON_PLAN, ArchiveKind.RESEARCH_PROJECT, ArchiveKind.PAPER_OR_AWARD);
    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 5000;

    /** A message for the page: its key and arguments. */
    record Problem(String code, Object... args) {
    }

    /** A form that passed: typed values. */
    record Checked(ArchiveKind kind, LocalDate date, String title, String description, List<String> attachmentIds) {
    }

    private String kind;
    private String date;
    private String title;
    private String description;
    private String token;
    private Integer version;
    private List<String> attachmentIds = new ArrayList<>();

    static Map<String, Problem> problems() {
        return new LinkedHashMap<>();
    }

    /** The values, or null with the problems added beside their fields (and none of it saved). */
    Checked check(LocalDate today, Map<String, Problem> problems) {
        ArchiveKind chosen = null;
        try {
            chosen = kind == null || kind.isBlank() ? null : ArchiveKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // not a kind at all: refused below like a kind she may not add
        }
        if (chosen == null || !TEACHER_KINDS.contains(chosen)) {
            problems.put("kind", new Problem("archive.error.kind"));
        }
        LocalDate day = null;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            problems.put("date", new Problem("archive.error.dateFormat"));
        }
        if (day == null && !problems.containsKey("date")) {
            problems.put("date", new Problem("archive.error.date"));
        } else if (day != null && day.isAfter(today)) {
            problems.put("date", new Problem("archive.error.dateFuture"));
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            problems.put("title", new Problem("archive.error.title"));
        } else if (cleanTitle.length() > TITLE_LENGTH) {
            problems.put("title", new Problem("archive.error.tooLong", TITLE_LENGTH));
        } else if (cleanTitle.chars().anyMatch(Character::isISOControl)) {
            problems.put("title", new Problem("archive.error.singleLine"));
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > DESCRIPTION_LENGTH) {
            problems.put("description", new Problem("archive.error.tooLong", DESCRIPTION_LENGTH));
        } else if (cleanDescription.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            problems.put("description", new Problem("archive.error.controlCharacter"));
        }
        // an archive entry is evidence: the certificate, the paper, or at least what it was
        if (cleanDescription.isEmpty() && attachmentIds.isEmpty() && !problems.containsKey("files")) {
            problems.put("files", new Problem("archive.error.fileOrDescription"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(chosen, day, cleanTitle, cleanDescription.isEmpty() ? null : cleanDescription,
                List.copyOf(attachmentIds));
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<String> getAttachmentIds() {
        return attachmentIds;
    }

    public void setAttachmentIds(List<String> attachmentIds) {
        this.attachmentIds = attachmentIds == null ? new ArrayList<>()
                : new ArrayList<>(attachmentIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList());
    }
}
