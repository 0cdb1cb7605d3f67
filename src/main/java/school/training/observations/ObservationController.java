package school.training.observations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.ledger.Term;
import school.training.people.Person;
import school.training.web.Csv;

/**
 * 听课记录 pages: my records of a term with the counts against the quota, the quick form (a phone in one hand),
 * one record, editing my own, what was said about my lessons, and for leaders, the principal and the office the
 * term so far per teacher and per group, with a CSV export. Who may do what is decided by
 * {@link ObservationRecords}.
 */
@Controller
class ObservationController {

    static final String URL = "/observations";

    private final ObservationRecords records;
    private final MessageSource messages;

    ObservationController(ObservationRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @GetMapping(URL)
    String mine(Authentication authentication, @RequestParam(required = false) String term, Model model) {
        Viewer viewer = Viewer.of(authentication);
        Term shown = term(term);
        List<LessonObservation> mine = records.observedBy(viewer.id(), shown);
        model.addAttribute("records", mine);
        model.addAttribute("names", records.names(mine));
        model.addAttribute("progress", records.progress(viewer.id(), shown, mine));
        model.addAttribute("mayOversee", viewer.schoolWide() || !records.overseenGroups(viewer).isEmpty());
        termChoices(shown, model);
        return "observations/list";
    }

    // ---- recording -----------------------------------------------------------------------------------

    @GetMapping(URL + "/new")
    String newForm(Authentication authentication, Model model) {
        ObservationForm form = new ObservationForm();
        form.setDate(records.today().toString());
        return formPage(Viewer.of(authentication), form, null, UUID.randomUUID().toString(), Map.of(), model);
    }

    @PostMapping(URL + "/new")
    String record(Authentication authentication, @ModelAttribute("form") ObservationForm form,
            @RequestParam(required = false) String token, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(authentication);
        ObservationRecords.Saved saved = records.record(viewer, form, token);
        if (!saved.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return formPage(viewer, form, null, token, saved.errors(), model);
        }
        redirect.addFlashAttribute("notice", "observations.saved");
        redirect.addFlashAttribute("savedId", saved.observation().getId());
        return "redirect:" + URL;
    }

    @GetMapping(URL + "/{id}/edit")
    String editForm(@PathVariable Long id, Authentication authentication, Model model) {
        Viewer viewer = Viewer.of(authentication);
        LessonObservation own = records.own(viewer, id);
        return formPage(viewer, ObservationForm.of(own), own, null, Map.of(), model);
    }

    @PostMapping(URL + "/{id}/edit")
    String edit(@PathVariable Long id, Authentication authentication, @ModelAttribute("form") ObservationForm form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(authentication);
        ObservationRecords.Saved saved = records.edit(viewer, id, form);
        if (!saved.errors().isEmpty()) {
            response.setStatus(saved.errors().containsKey("form") ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return formPage(viewer, form, saved.observation(), null, saved.errors(), model);
        }
        redirect.addFlashAttribute("notice", "observations.changed");
        return "redirect:" + URL + "/" + id;
    }

    private String formPage(Viewer viewer, ObservationForm form, LessonObservation editing, String token,
            Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", records.choices(viewer.id()));
        model.addAttribute("today", records.today());
        model.addAttribute("earliest", records.earliest());
        return "observations/form";
    }

    // ---- reading ---------------------------------------------------------------------------------------

    @GetMapping(URL + "/{id}")
    String one(@PathVariable Long id, Authentication authentication, Model model) {
        Viewer viewer = Viewer.of(authentication);
        LessonObservation o = records.visible(viewer, id);
        model.addAttribute("o", o);
        model.addAttribute("names", records.names(List.of(o)));
        model.addAttribute("mine", o.getObserverId().equals(viewer.id()));
        return "observations/one";
    }

    @GetMapping(URL + "/about-me")
    String aboutMe(Authentication authentication, @RequestParam(required = false) String term, Model model) {
        Viewer viewer = Viewer.of(authentication);
        Term shown = term(term);
        List<LessonObservation> about = records.about(viewer.id(), shown);
        model.addAttribute("records", about);
        model.addAttribute("names", records.names(about));
        termChoices(shown, model);
        return "observations/about";
    }

    /** One person's records of a term, for their leader, the principal and the office. */
    @GetMapping(URL + "/of/{personId}")
    String of(@PathVariable String personId, Authentication authentication, @RequestParam(required = false) String term,
            Model model) {
        Viewer viewer = Viewer.of(authentication);
        Person person = records.overseen(viewer, personId);
        Term shown = term(term);
        List<LessonObservation> theirs = records.observedBy(personId, shown);
        model.addAttribute("person", person);
        model.addAttribute("records", theirs);
        model.addAttribute("names", records.names(theirs));
        model.addAttribute("progress", records.progress(personId, shown, theirs));
        termChoices(shown, model);
        return "observations/of";
    }

    // ---- the term so far, per teacher and per group -----------------------------------------------------

    @GetMapping(URL + "/group")
    String overview(Authentication authentication, @RequestParam(required = false) String group,
            @RequestParam(required = false) String term, Model model) {
        Viewer viewer = Viewer.of(authentication);
        Term shown = term(term);
        model.addAttribute("overview", records.overview(viewer, group, shown));
        model.addAttribute("groups", records.overseenGroups(viewer));
        model.addAttribute("schoolWide", viewer.schoolWide());
        model.addAttribute("group", group == null ? "" : group);
        termChoices(shown, model);
        return "observations/group";
    }

    @GetMapping(URL + "/group.csv")
    ResponseEntity<byte[]> overviewCsv(Authentication authentication, @RequestParam(required = false) String group,
            @RequestParam(required = false) String term, Locale locale) {
        Viewer viewer = Viewer.of(authentication);
        ObservationRecords.Overview overview = records.overview(viewer, group, term(term));
        boolean english = "en".equals(locale.getLanguage());
        List<List<String>> rows = new ArrayList<>();
        for (ObservationRecords.Row row : overview.rows()) {
            Person p = row.person();
            rows.add(List.of(p.getId(), p.getName(), p.getTeachingGroup() == null ? ""
                    : english && p.getTeachingGroup().getNameEn() != null ? p.getTeachingGroup().getNameEn()
                    : p.getTeachingGroup().getName(), p.getPost() == null ? "" : p.getPost(),
                    String.valueOf(row.observed()), String.valueOf(row.quota()), String.valueOf(row.shortfall()),
                    String.valueOf(row.attended()), String.valueOf(row.required())));
        }
        for (ObservationRecords.GroupRow g : overview.groups()) {
            rows.add(List.of("", text("observations.csv.groupActivities", locale),
                    english && g.group().getNameEn() != null ? g.group().getNameEn() : g.group().getName(), "", "", "",
                    "", String.valueOf(g.held()), String.valueOf(g.required())));
        }
        List<String> header = List.of("observations.csv.id", "observations.csv.name", "observations.csv.group",
                "observations.csv.post", "observations.csv.observed", "observations.csv.quota",
                "observations.csv.shortfall", "observations.csv.attended", "observations.csv.required").stream()
                .map(key -> text(key, locale)).toList();
        String name = "observations-" + overview.term().startYear() + "-" + overview.term().number() + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(Csv.of(header, rows));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    // ---- terms -----------------------------------------------------------------------------------------

    /** {@code 2026-1} for the first term of 2026–2027; missing, unreadable or in the future: the current term. */
    private Term term(String text) {
        Term current = records.currentTerm();
        if (text == null || !text.matches("\\d{4}-[12]")) {
            return current;
        }
        Term asked = new Term(Integer.parseInt(text.substring(0, 4)), text.charAt(5) - '0');
        return asked.start().isAfter(current.start()) ? current : asked;
    }

    private void termChoices(Term shown, Model model) {
        Map<String, Term> terms = new LinkedHashMap<>();
        Term t = records.currentTerm();
        for (int i = 0; i < 4; i++, t = t.previous()) {
            terms.put(t.startYear() + "-" + t.number(), t);
        }
        model.addAttribute("terms", terms);
        model.addAttribute("term", shown);
        model.addAttribute("termKey", shown.startYear() + "-" + shown.number());
    }
}
