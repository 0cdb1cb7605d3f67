package school.training.archive;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.attachments.Attachments;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;
import school.training.people.TeachingGroup;
import school.training.web.Csv;

/**
 * 个人业务档案 pages: a teacher's archive against the checklist of the current term (/archive, or
 * /archive/{teacherId} for those who may read it), adding, revising and deleting her own entries, and the
 * checklist of a whole teaching group for its leader, the principal and the office, exported as CSV.
 */
@Controller
class ArchiveController {

    static final String URL = "/archive";
    /** Files an archive entry takes: scans, papers, lesson plans, slides. */
    static final List<String> EXTENSIONS = List.of(".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".ppt", ".pptx");

    private final ProfessionalArchive archive;
    private final OwnEntries own;
    private final ArchiveAccess access;
    private final Attachments attachments;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;
    private final DataSize maxFileSize;

    ArchiveController(ProfessionalArchive archive, OwnEntries own, ArchiveAccess access, Attachments attachments,
            Directory directory, MessageSource messages, Clock clock,
            @Value("${training.uploads.max-size:10MB}") DataSize maxFileSize) {
        this.archive = archive;
        this.own = own;
        this.access = access;
        this.attachments = attachments;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
    }

    // ---- reading an archive ------------------------------------------------------------------------

    @GetMapping(URL)
    String mine(Authentication authentication, Model model) {
        return archivePage(authentication.getName(), true, model);
    }

    @GetMapping(URL + "/{teacherId}")
    String of(@PathVariable String teacherId, Authentication authentication, Model model) {
        Reader reader = Reader.of(authentication);
        if (!access.mayRead(reader.id(), reader.groups(), teacherId)) {
            throw OwnEntries.notFound();
        }
        return archivePage(teacherId, reader.id().equals(teacherId), model);
    }

    private String archivePage(String teacherId, boolean mine, Model model) {
        TermDates term = TermDates.containing(LocalDate.now(clock));
        List<ArchiveEntry> entries = archive.entriesOf(teacherId);
        model.addAttribute("teacherId", teacherId);
        model.addAttribute("teacherName", directory.nameOf(teacherId));
        model.addAttribute("mine", mine);
        model.addAttribute("term", term);
        model.addAttribute("items", archive.checklistItems());
        model.addAttribute("status", archive.checklist(List.of(teacherId), term.from(), term.to()).get(teacherId));
        model.addAttribute("entries", entries);
        model.addAttribute("files", archive.filesOf(entries.stream().map(ArchiveEntry::getId).toList()));
        return "archive/archive";
    }

    // ---- her own entries ---------------------------------------------------------------------------

    @GetMapping(URL + "/new")
    String newEntry(Model model) {
        EntryForm form = new EntryForm();
        form.setToken(UUID.randomUUID().toString());
        form.setDate(LocalDate.now(clock).toString());
        return entryPage(form, null, EntryForm.problems(), model);
    }

    @PostMapping(URL + "/new")
    String add(@ModelAttribute("form") EntryForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication authentication,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String me = authentication.getName();
        Map<String, EntryForm.Problem> problems = EntryForm.problems();
        keepUploads(me, form, files, null, problems);
        if (form.getToken() == null || form.getToken().isBlank() || form.getToken().length() > 64) {
            form.setToken(UUID.randomUUID().toString());
        }
        EntryForm.Checked checked = form.check(LocalDate.now(clock), problems);
        if (checked == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return entryPage(form, null, problems, model);
        }
        try {
            own.add(me, checked, form.getToken());
        } catch (DataIntegrityViolationException sameFormTwice) {
            own.addedWith(form.getToken(), checked.kind()).orElseThrow(() -> sameFormTwice);
        }
        redirect.addFlashAttribute("notice", "archive.added");
        return "redirect:" + URL;
    }

    @GetMapping(URL + "/entries/{id}/edit")
    String editEntry(@PathVariable Long id, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        ArchiveEntry entry;
        try {
            entry = own.editable(authentication.getName(), id);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
            return "redirect:" + URL;
        }
        EntryForm form = new EntryForm();
        form.setKind(entry.getKind().name());
        form.setDate(entry.getDate().toString());
        form.setTitle(entry.getTitle());
        form.setDescription(entry.getSummary());
        form.setVersion(entry.getVersion());
        form.setAttachmentIds(archive.filesOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(ArchiveFile::getAttachmentId).toList());
        return entryPage(form, entry, EntryForm.problems(), model);
    }

    @PostMapping(URL + "/entries/{id}/edit")
    String revise(@PathVariable Long id, @ModelAttribute("form") EntryForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication authentication,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String me = authentication.getName();
        ArchiveEntry entry;
        try {
            entry = own.editable(me, id);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
            return "redirect:" + URL;
        }
        Map<String, EntryForm.Problem> problems = EntryForm.problems();
        keepUploads(me, form, files, id, problems);
        EntryForm.Checked checked = form.check(LocalDate.now(clock), problems);
        if (checked == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return entryPage(form, entry, problems, model);
        }
        try {
            own.revise(me, id, form.getVersion(), checked);
        } catch (Refused refused) {
            return changedMeanwhile(form, entry, refused.code(), response, model);
        } catch (ObjectOptimisticLockingFailureException savedAtTheSameTime) {
            return changedMeanwhile(form, entry, "archive.entry.changedMeanwhile", response, model);
        }
        redirect.addFlashAttribute("notice", "archive.revised");
        return "redirect:" + URL;
    }

    /** Someone saved the entry since she opened it: her text stays on the page, with the message. */
    private String changedMeanwhile(EntryForm form, ArchiveEntry entry, String code, HttpServletResponse response,
            Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problem", code);
        return entryPage(form, entry, EntryForm.problems(), model);
    }

    @PostMapping(URL + "/entries/{id}/delete")
    String delete(@PathVariable Long id, Authentication authentication, RedirectAttributes redirect) {
        try {
            boolean deleted = own.delete(authentication.getName(), id);
            redirect.addFlashAttribute(deleted ? "notice" : "problem", deleted ? "archive.deleted" : "archive.entry.gone");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
        } catch (ObjectOptimisticLockingFailureException deletedAtTheSameTime) {
            redirect.addFlashAttribute("problem", "archive.entry.gone");
        }
        return "redirect:" + URL;
    }

    /**
     * Stores the files sent with this attempt (those of a refused type or size are named as the problem and
     * not stored) and keeps only stored files she may attach, so nothing she attached is lost when the page
     * comes back with a problem, and an id she did not upload herself is never attached.
     */
    private void keepUploads(String me, EntryForm form, List<MultipartFile> files, Long entryId,
            Map<String, EntryForm.Problem> problems) {
        List<String> kept = new ArrayList<>(form.getAttachmentIds().stream()
                .filter(attachmentId -> own.attachable(me, attachmentId, entryId)).toList());
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file == null || file.isEmpty()) {
                continue; // an empty file input still sends a part
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            String lower = name.toLowerCase(Locale.ROOT);
            if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
                problems.put("files", new EntryForm.Problem("archive.error.fileType", name, String.join(" ", EXTENSIONS)));
            } else if (file.getSize() > maxFileSize.toBytes()) {
                problems.put("files", new EntryForm.Problem("archive.error.fileTooLarge", name, maxFileSize.toMegabytes()));
            } else {
                kept.add(attachments.store(file, me).getId());
            }
        }
        form.setAttachmentIds(kept);
    }

    private String entryPage(EntryForm form, ArchiveEntry entry, Map<String, EntryForm.Problem> problems,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("entry", entry);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", EntryForm.TEACHER_KINDS);
        model.addAttribute("keptFiles", form.getAttachmentIds().stream().map(attachments::find)
                .flatMap(Optional::stream).toList());
        model.addAttribute("accept", String.join(",", EXTENSIONS));
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        return "archive/entry";
    }

    // ---- a teaching group --------------------------------------------------------------------------

    /** One teacher of the group against the checklist. */
    record GroupRow(Person teacher, ChecklistStatus status) {
    }

    @GetMapping(URL + "/group")
    String group(@RequestParam(required = false) String group, Authentication authentication, Model model) {
        Reader reader = Reader.of(authentication);
        List<TeachingGroup> groups = access.groupsOverseenBy(reader);
        TeachingGroup chosen = chosen(groups, group);
        TermDates term = TermDates.containing(LocalDate.now(clock));
        model.addAttribute("groups", groups);
        model.addAttribute("group", chosen);
        model.addAttribute("term", term);
        model.addAttribute("rows", chosen == null ? List.of() : rows(chosen, term));
        return "archive/group";
    }

    @GetMapping(URL + "/group.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String group, Authentication authentication,
            Locale locale) {
        Reader reader = Reader.of(authentication);
        TeachingGroup chosen = chosen(access.groupsOverseenBy(reader), group);
        if (chosen == null) {
            throw OwnEntries.notFound();
        }
        TermDates term = TermDates.containing(LocalDate.now(clock));
        String separator = "en".equals(locale.getLanguage()) ? "; " : "、";
        List<List<String>> lines = rows(chosen, term).stream().map(row -> List.of(row.teacher().getId(),
                row.teacher().getName(), chosen.getName(),
                text(row.status().complete() ? "archive.complete" : "archive.incomplete", locale),
                String.join(separator, row.status().missing().stream()
                        .map(key -> text("archive.checklist." + key, locale)).toList()))).toList();
        byte[] csv = Csv.of(List.of(text("archive.csv.id", locale), text("archive.csv.name", locale),
                text("archive.csv.group", locale), text("archive.csv.status", locale),
                text("archive.csv.missing", locale)), lines);
        String name = "archive-" + chosen.getId() + "-" + term.from() + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    /** The group asked for if this person oversees it (else 404), or the first one they do. */
    private static TeachingGroup chosen(List<TeachingGroup> groups, String id) {
        if (id == null || id.isBlank()) {
            return groups.isEmpty() ? null : groups.get(0);
        }
        return groups.stream().filter(g -> g.getId().equals(id)).findFirst().orElseThrow(OwnEntries::notFound);
    }

    /** Those who teach in the group now (teachers and its leader), each against the checklist, in one query. */
    private List<GroupRow> rows(TeachingGroup group, TermDates term) {
        List<Person> teachers = directory.membersOf(group.getId()).stream()
                .filter(p -> p.isActive() && (p.getRole() == Role.TEACHER || p.getRole() == Role.GROUP_LEADER))
                .toList();
        Map<String, ChecklistStatus> statuses = archive.checklist(teachers.stream().map(Person::getId).toList(),
                term.from(), term.to());
        return teachers.stream().map(p -> new GroupRow(p, statuses.get(p.getId()))).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
