package school.training.research;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.ledger.Term;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * 教研活动 pages: a group's activities of a term against the requirement (who attended, files), recording and
 * editing one (the group's leader, the office), and its files. Who may do what is decided by
 * {@link ResearchRecords}.
 */
@Controller
class ResearchController {

    static final String URL = "/research";

    private final ResearchRecords records;
    private final ResearchSettings settings;
    private final Attachments attachments;

    ResearchController(ResearchRecords records, ResearchSettings settings, Attachments attachments) {
        this.records = records;
        this.settings = settings;
        this.attachments = attachments;
    }

    @GetMapping(URL)
    String list(Authentication authentication, @RequestParam(required = false) String group,
            @RequestParam(required = false) String term, Model model) {
        ResearchViewer viewer = ResearchViewer.of(authentication);
        List<TeachingGroup> groups = records.readableGroups(viewer);
        if (groups.isEmpty()) {
            model.addAttribute("noGroup", true);
            termChoices(term(term), model);
            return "research/list";
        }
        TeachingGroup shown = records.group(viewer, group);
        Term t = term(term);
        List<ResearchActivity> activities = records.activities(shown.getId(), t);
        Set<String> people = new HashSet<>();
        activities.forEach(a -> people.addAll(a.getAttendees()));
        List<String> files = activities.stream().flatMap(a -> a.getFiles().stream()).toList();
        model.addAttribute("noGroup", false);
        model.addAttribute("groups", groups);
        model.addAttribute("group", shown);
        model.addAttribute("activities", activities);
        Map<String, String> names = records.names(people);
        Map<Long, String> attendeeNames = new LinkedHashMap<>();
        activities.forEach(a -> attendeeNames.put(a.getId(), String.join("、",
                a.getAttendees().stream().map(names::get).sorted().toList())));
        model.addAttribute("attendeeNames", attendeeNames);
        model.addAttribute("files", records.files(files));
        model.addAttribute("required", settings.perTerm());
        model.addAttribute("mayRecord", records.mayRecord(viewer, shown.getId()));
        model.addAttribute("me", viewer.id());
        model.addAttribute("attendedByMe", activities.stream().filter(a -> a.getAttendees().contains(viewer.id())).count());
        model.addAttribute("memberOfGroup", records.members(shown.getId(), List.of()).stream()
                .anyMatch(p -> p.getId().equals(viewer.id())));
        model.addAttribute("schoolWide", viewer.office() || viewer.principal());
        termChoices(t, model);
        return "research/list";
    }

    // ---- recording -----------------------------------------------------------------------------------

    @GetMapping(URL + "/new")
    String newForm(Authentication authentication, @RequestParam(required = false) String group, Model model) {
        ResearchViewer viewer = ResearchViewer.of(authentication);
        TeachingGroup g = records.recordable(viewer, group == null ? ownGroup(viewer) : group);
        ActivityForm form = new ActivityForm();
        form.setDate(records.today().toString());
        // everyone who works in the group is checked; the leader unchecks who was away
        form.setAttendees(new ArrayList<>(records.members(g.getId(), List.of()).stream().map(Person::getId).toList()));
        return formPage(g, form, null, UUID.randomUUID().toString(), Map.of(), model);
    }

    private String ownGroup(ResearchViewer viewer) {
        return records.readableGroups(viewer).stream().filter(g -> viewer.id().equals(g.getLeaderId()))
                .map(TeachingGroup::getId).findFirst().orElse("");
    }

    @PostMapping(URL + "/new")
    String record(Authentication authentication, @RequestParam(required = false) String group,
            @ModelAttribute("form") ActivityForm form, @RequestParam(name = "upload", required = false) List<MultipartFile> uploads,
            @RequestParam(required = false) String token, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        ResearchViewer viewer = ResearchViewer.of(authentication);
        String groupId = group == null ? ownGroup(viewer) : group;
        ResearchRecords.Saved saved = records.record(viewer, groupId, form, uploads, token);
        if (!saved.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return formPage(records.recordable(viewer, groupId), form, null, token, saved.errors(), model);
        }
        redirect.addFlashAttribute("notice", "research.saved");
        return "redirect:" + URL + "?group=" + saved.activity().getGroupId();
    }

    @GetMapping(URL + "/{id}/edit")
    String editForm(@PathVariable Long id, Authentication authentication, Model model) {
        ResearchViewer viewer = ResearchViewer.of(authentication);
        ResearchActivity activity = records.editable(viewer, id);
        return formPage(records.recordable(viewer, activity.getGroupId()), ActivityForm.of(activity), activity, null,
                Map.of(), model);
    }

    @PostMapping(URL + "/{id}/edit")
    String edit(@PathVariable Long id, Authentication authentication, @ModelAttribute("form") ActivityForm form,
            @RequestParam(name = "upload", required = false) List<MultipartFile> uploads, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        ResearchViewer viewer = ResearchViewer.of(authentication);
        ResearchRecords.Saved saved = records.edit(viewer, id, form, uploads);
        if (!saved.errors().isEmpty()) {
            response.setStatus(saved.errors().containsKey("form") ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return formPage(records.recordable(viewer, saved.activity().getGroupId()), form, saved.activity(), null,
                    saved.errors(), model);
        }
        redirect.addFlashAttribute("notice", "research.changed");
        return "redirect:" + URL + "?group=" + saved.activity().getGroupId();
    }

    private String formPage(TeachingGroup group, ActivityForm form, ResearchActivity editing, String token,
            Map<String, String> errors, Model model) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("members", records.members(group.getId(),
                editing == null ? List.of() : editing.getAttendees()));
        model.addAttribute("files", records.files(form.getFiles()));
        model.addAttribute("today", records.today());
        return "research/form";
    }

    // ---- files -----------------------------------------------------------------------------------------

    @GetMapping(URL + "/{id}/files/{attachmentId}")
    ResponseEntity<InputStreamResource> file(@PathVariable Long id, @PathVariable String attachmentId,
            Authentication authentication) throws IOException {
        Attachment attachment = records.file(ResearchViewer.of(authentication), id, attachmentId);
        return ResponseEntity.ok()
                // always a download, never rendered by the browser in our origin
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(attachment.getSize())
                .body(new InputStreamResource(attachments.open(attachment)));
    }

    // ---- terms -----------------------------------------------------------------------------------------

    private Term term(String text) {
        Term current = Term.containing(records.today());
        if (text == null || !text.matches("\\d{4}-[12]")) {
            return current;
        }
        Term asked = new Term(Integer.parseInt(text.substring(0, 4)), text.charAt(5) - '0');
        return asked.start().isAfter(current.start()) ? current : asked;
    }

    private void termChoices(Term shown, Model model) {
        Map<String, Term> terms = new LinkedHashMap<>();
        Term t = Term.containing(records.today());
        for (int i = 0; i < 4; i++, t = t.previous()) {
            terms.put(t.startYear() + "-" + t.number(), t);
        }
        model.addAttribute("terms", terms);
        model.addAttribute("term", shown);
        model.addAttribute("termKey", shown.startYear() + "-" + shown.number());
    }
}
