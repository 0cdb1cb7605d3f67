package school.training.lessonplans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.attachments.Attachment;
import school.training.attachments.Attachments;
import school.training.ledger.Term;
import school.training.people.TeachingGroup;
import school.training.web.Csv;

/**
 * 月度教案 pages: a teacher's months of a term and handing a plan in ({@code /lesson-plans}), one plan with the
 * checker's accept and return ({@code /lesson-plans/plans/{id}}), and a group's grid with its CSV
 * ({@code /lesson-plans/group}). Every action goes through {@link MonthlyPlans}, which decides who may do it.
 */
@Controller
class LessonPlanController {

    static final String URL = "/lesson-plans";
    /** Terms offered to look back on, the current one included. */
    private static final int TERMS_SHOWN = 6;

    private final MonthlyPlans plans;
    private final Attachments attachments;
    private final MessageSource messages;
    private final DataSize maxFileSize;

    LessonPlanController(MonthlyPlans plans, Attachments attachments, MessageSource messages,
            @Value("${training.uploads.max-size:10MB}") DataSize maxFileSize) {
        this.plans = plans;
        this.attachments = attachments;
        this.messages = messages;
        this.maxFileSize = maxFileSize;
    }

    // ---- a teacher's months ------------------------------------------------------------------------

    @GetMapping(URL)
    String mine(@RequestParam(required = false) String term, Authentication authentication, Model model) {
        Viewer user = Viewer.of(authentication);
        Term shown = term(term);
        List<MonthlyPlans.MonthCell> months = plans.months(user.id(), shown);
        model.addAttribute("term", shown);
        model.addAttribute("terms", terms());
        model.addAttribute("current", shown.equals(plans.currentTerm()));
        model.addAttribute("months", months);
        model.addAttribute("counts", MonthlyPlans.counts(months));
        model.addAttribute("open", plans.openMonths(user.id()));
        model.addAttribute("mayCheck", !plans.groupsFor(user).isEmpty());
        return "lessonplans/mine";
    }

    // ---- handing in --------------------------------------------------------------------------------

    @GetMapping(URL + "/submit")
    String submitForm(@RequestParam(required = false) String month, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        Viewer user = Viewer.of(authentication);
        List<YearMonth> open = plans.openMonths(user.id());
        YearMonth chosen = MonthlyPlans.month(month);
        if (chosen == null) {
            YearMonth now = YearMonth.from(plans.today());
            chosen = open.contains(now) ? now : open.stream().findFirst().orElse(null);
        }
        if (chosen == null || !open.contains(chosen)) {
            redirect.addFlashAttribute("problem", "lessonplans.error.notOpen");
            return "redirect:" + URL;
        }
        MonthlyLessonPlan returned = plans.planOf(user.id(), chosen).orElse(null);
        MonthlyPlans.Draft draft = returned == null
                ? new MonthlyPlans.Draft(chosen.toString(), "", "", "", List.of())
                : new MonthlyPlans.Draft(chosen.toString(), returned.getTitle(), returned.getPlanText(),
                        returned.getReflection(), returned.getAttachmentIds());
        return submitPage(user, draft, returned, Map.of(), model);
    }

    /**
     * Files are stored as they arrive, before the rest is checked, so a mistake elsewhere on the page never makes
     * the teacher choose them again: the page comes back with them listed (and ticked) under {@code attachmentIds}.
     */
    @PostMapping(URL + "/submit")
    String submit(@RequestParam(required = false) String month, @RequestParam(required = false) String title,
            @RequestParam(required = false) String planText, @RequestParam(required = false) String reflection,
            @RequestParam(required = false) List<String> attachmentIds,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication authentication,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Viewer user = Viewer.of(authentication);
        List<String> ids = new ArrayList<>(attachmentIds == null ? List.of() : attachmentIds);
        Map<String, String> errors = new LinkedHashMap<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            if (file.getSize() > maxFileSize.toBytes()) {
                errors.put("files", "lessonplans.error.fileTooLarge");
                continue;
            }
            ids.add(attachments.store(file, user.id()).getId());
        }
        MonthlyPlans.Draft draft = new MonthlyPlans.Draft(month, title, planText, reflection, ids);
        if (errors.isEmpty()) {
            try {
                errors.putAll(plans.submit(user, draft));
            } catch (Refused refused) {
                errors.put(refused.field() == null ? "month" : refused.field(), refused.code());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            YearMonth chosen = MonthlyPlans.month(month);
            MonthlyLessonPlan existing = chosen == null ? null : plans.planOf(user.id(), chosen).orElse(null);
            return submitPage(user, draft, existing, errors, model);
        }
        redirect.addFlashAttribute("notice", "lessonplans.submitted");
        return "redirect:" + URL;
    }

    private String submitPage(Viewer user, MonthlyPlans.Draft draft, MonthlyLessonPlan existing,
            Map<String, String> errors, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("files", plans.ownFiles(user, draft.attachmentIds()));
        model.addAttribute("returned", existing != null && existing.getStatus() == PlanStatus.RETURNED ? existing : null);
        model.addAttribute("open", plans.openMonths(user.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("maxFiles", MonthlyPlans.MAX_FILES);
        return "lessonplans/submit";
    }

    // ---- one plan ----------------------------------------------------------------------------------

    @GetMapping(URL + "/plans/{id}")
    String plan(@PathVariable Long id, Authentication authentication, Model model) {
        return planPage(Viewer.of(authentication), id, Map.of(), null, null, model);
    }

    private String planPage(Viewer user, Long id, Map<String, String> errors, String comment, String redoBy,
            Model model) {
        MonthlyLessonPlan plan = plans.visible(user, id);
        boolean checker = plans.mayCheck(user, plan.getTeacherId());
        model.addAttribute("plan", plan);
        model.addAttribute("teacherName", plans.nameOf(plan.getTeacherId()));
        model.addAttribute("checkedByName", plan.getCheckedBy() == null ? null : plans.nameOf(plan.getCheckedBy()));
        model.addAttribute("files", plans.files(plan));
        model.addAttribute("mine", user.id().equals(plan.getTeacherId()));
        model.addAttribute("checker", checker && plan.getStatus() == PlanStatus.SUBMITTED);
        model.addAttribute("mayReadGroup", !plans.groupsFor(user).isEmpty());
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment == null ? "" : comment);
        model.addAttribute("redoBy", redoBy != null ? redoBy
                : plans.today().plusDays(plans.settings().redoDays()).toString());
        model.addAttribute("today", plans.today());
        return "lessonplans/plan";
    }

    @PostMapping(URL + "/plans/{id}/accept")
    String accept(@PathVariable Long id, @RequestParam(required = false) Long version, Authentication authentication,
            RedirectAttributes redirect) {
        Viewer user = Viewer.of(authentication);
        try {
            plans.accept(user, id, version);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
            return "redirect:" + URL + "/plans/" + id;
        }
        redirect.addFlashAttribute("notice", "lessonplans.accepted");
        return afterChecking(user, id, redirect);
    }

    @PostMapping(URL + "/plans/{id}/return")
    String giveBack(@PathVariable Long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String redoBy,
            Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Viewer user = Viewer.of(authentication);
        Map<String, String> errors;
        try {
            errors = plans.giveBack(user, id, version, comment, redoBy);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.code());
            return "redirect:" + URL + "/plans/" + id;
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return planPage(user, id, errors, comment, redoBy, model);
        }
        redirect.addFlashAttribute("notice", "lessonplans.returned");
        return afterChecking(user, id, redirect);
    }

    /** Back to the grid of the teacher's group, where the next plan waits. */
    private String afterChecking(Viewer user, Long id, RedirectAttributes redirect) {
        MonthlyLessonPlan plan = plans.visible(user, id);
        redirect.addAttribute("term", key(Term.containing(plan.getMonthStart())));
        plans.groupOfTeacher(plan.getTeacherId()).filter(g -> plans.groupsFor(user).stream()
                .anyMatch(mine -> mine.getId().equals(g))).ifPresent(g -> redirect.addAttribute("group", g));
        return "redirect:" + URL + "/group";
    }

    @GetMapping(URL + "/plans/{id}/files/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable Long id, @PathVariable String attachmentId,
            Authentication authentication) throws IOException {
        MonthlyLessonPlan plan = plans.visible(Viewer.of(authentication), id);
        Attachment attachment = plan.getAttachmentIds().contains(attachmentId)
                ? attachments.find(attachmentId).orElseThrow(MonthlyPlans::notFound)
                : null;
        if (attachment == null) {
            throw MonthlyPlans.notFound();
        }
        return ResponseEntity.ok()
                // always a download, never rendered by the browser in our origin
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(attachment.getSize())
                .body(new InputStreamResource(attachments.open(attachment)));
    }

    // ---- a group's grid ----------------------------------------------------------------------------

    @GetMapping(URL + "/group")
    String group(@RequestParam(required = false) String group, @RequestParam(required = false) String term,
            Authentication authentication, Model model) {
        Viewer user = Viewer.of(authentication);
        TeachingGroup chosen = plans.groupFor(user, group);
        Term shown = term(term);
        model.addAttribute("group", chosen);
        model.addAttribute("groups", plans.groupsFor(user));
        model.addAttribute("term", shown);
        model.addAttribute("terms", terms());
        model.addAttribute("months", plans.teachingMonths(shown));
        model.addAttribute("rows", plans.grid(chosen, shown));
        model.addAttribute("me", user.id());
        return "lessonplans/group";
    }

    @GetMapping(URL + "/group.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String group,
            @RequestParam(required = false) String term, Authentication authentication, Locale locale) {
        Viewer user = Viewer.of(authentication);
        TeachingGroup chosen = plans.groupFor(user, group);
        Term shown = term(term);
        List<String> header = new ArrayList<>(List.of(text("lessonplans.csv.id", locale),
                text("lessonplans.csv.name", locale)));
        plans.teachingMonths(shown).forEach(m -> header.add(m.toString()));
        header.addAll(List.of(text("lessonplans.count.submitted", locale), text("lessonplans.count.accepted", locale),
                text("lessonplans.count.missing", locale)));
        List<List<String>> rows = plans.grid(chosen, shown).stream().map(row -> {
            List<String> cells = new ArrayList<>(List.of(row.teacher().getId(), row.teacher().getName()));
            row.months().forEach(m -> cells.add(text("lessonplans.state." + m.state(), locale)));
            cells.addAll(List.of(String.valueOf(row.submitted()), String.valueOf(row.accepted()),
                    String.valueOf(row.missing())));
            return cells;
        }).toList();
        String name = "lesson-plans-" + chosen.getId() + "-" + key(shown) + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(Csv.of(header, rows));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** "2026-1": a term in a URL; anything else is the current term. */
    private Term term(String key) {
        if (key != null && key.matches("\\d{4}-[12]")) {
            return new Term(Integer.parseInt(key.substring(0, 4)), key.charAt(5) - '0');
        }
        return plans.currentTerm();
    }

    static String key(Term term) {
        return term.startYear() + "-" + term.number();
    }

    private Map<String, Term> terms() {
        Map<String, Term> terms = new LinkedHashMap<>();
        Term term = plans.currentTerm();
        for (int i = 0; i < TERMS_SHOWN; i++, term = term.previous()) {
            terms.put(key(term), term);
        }
        return terms;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
