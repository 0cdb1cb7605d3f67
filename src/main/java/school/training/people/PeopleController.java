package school.training.people;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.web.Csv;

/**
 * 人员管理 ({@code /people}, office and admin only, see SecurityConfig): the school's staff list with search
 * and filters, paged in the database and exportable; a page per person to add or change them, reset the
 * password (a random one, shown once) and mark them as left or back. Everything goes through
 * {@link Directory}, which keeps Camunda's accounts in step and writes the history.
 */
@Controller
class PeopleController {

    static final int PAGE_SIZE = 50;
    /** The roles the office gives; the administrator's account is made at first start, not here. */
    static final List<Role> ROLES = List.of(Role.TEACHER, Role.GROUP_LEADER, Role.PRINCIPAL, Role.OFFICE);

    private final Directory directory;
    private final MessageSource messages;

    PeopleController(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/people")
    String list(Filter filter, Model model) {
        Page<Person> page = directory.search(filter.q(), filter.group(), filter.roleOrNull(), filter.degreeOrNull(),
                filter.activeOrNull(), PageRequest.of(filter.pageNumber(), PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        addChoices(model);
        return "people/list";
    }

    @GetMapping(value = "/people/export.csv")
    ResponseEntity<byte[]> export(Filter filter, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        Page<Person> page;
        int number = 0;
        do {
            page = directory.search(filter.q(), filter.group(), filter.roleOrNull(), filter.degreeOrNull(),
                    filter.activeOrNull(), PageRequest.of(number++, 500));
            for (Person person : page) {
                rows.add(List.of(person.getId(), person.getName(),
                        person.getTeachingGroup() == null ? "" : person.getTeachingGroup().getName(),
                        text("people.role." + person.getRole(), locale), nz(person.getSubject()), nz(person.getTitle()),
                        text("people.employment." + person.getEmployment(), locale),
                        person.getDegree() == null ? "" : text("people.degree." + person.getDegree(), locale),
                        nz(person.getEmail()), nz(person.getPhone()), nz(person.getPost()),
                        person.isActive() ? text("people.active", locale) : text("people.left", locale)));
            }
        } while (page.hasNext());
        List<String> header = List.of("people.id", "people.name", "people.group", "people.role", "people.subject",
                "people.title", "people.employment", "people.degree", "people.email", "people.phone", "people.post",
                "people.state")
                .stream().map(key -> text(key, locale)).toList();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("people.csv").build().toString())
                .body(Csv.of(header, rows));
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        model.addAttribute("person", new StaffDetails(null, null, Role.TEACHER, null, null, null,
                Employment.FULL_TIME, null, null, null));
        model.addAttribute("isNew", true);
        addChoices(model);
        return "people/edit";
    }

    @PostMapping("/people/new")
    String add(PersonForm form, Principal principal, Model model, RedirectAttributes redirect) {
        StaffDetails details = form.details(null);
        try {
            String password = directory.add(details, principal.getName());
            redirect.addFlashAttribute("temporaryPassword", password);
            redirect.addFlashAttribute("saved", "people.added");
            return "redirect:/people/" + details.id();
        } catch (DirectoryProblems problems) {
            return again(details, true, problems, model);
        }
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable String id, Model model) {
        Person person = directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", StaffDetails.of(person));
        model.addAttribute("record", person);
        model.addAttribute("isNew", false);
        model.addAttribute("history", directory.history(id, PageRequest.of(0, 20)).getContent());
        addChoices(model);
        return "people/edit";
    }

    @PostMapping("/people/{id}")
    String update(@PathVariable String id, PersonForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        Person person = directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        StaffDetails details = form.details(id);
        try {
            if (id.equals(principal.getName()) && details.role() != person.getRole()) {
                throw new DirectoryProblems(Problem.of("role", "people.problem.ownRole"));
            }
            boolean changed = directory.update(details, principal.getName());
            redirect.addFlashAttribute("saved", changed ? "people.saved" : "people.unchanged");
            return "redirect:/people/" + id;
        } catch (DirectoryProblems problems) {
            model.addAttribute("record", person);
            model.addAttribute("history", directory.history(id, PageRequest.of(0, 20)).getContent());
            return again(details, false, problems, model);
        }
    }

    @PostMapping("/people/{id}/password")
    String resetPassword(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        return accountAction(id, "people.passwordReset", redirect, () -> redirect.addFlashAttribute(
                "temporaryPassword", directory.resetPassword(id, principal.getName())));
    }

    @PostMapping("/people/{id}/leave")
    String leave(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        return accountAction(id, "people.deactivated", redirect, () -> directory.deactivate(id, principal.getName()));
    }

    @PostMapping("/people/{id}/return")
    String comeBack(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        return accountAction(id, "people.reactivated", redirect, () -> directory.reactivate(id, principal.getName()));
    }

    /** A button on a person's page: done says so, refused shows why on the same page. */
    private String accountAction(String id, String done, RedirectAttributes redirect, Runnable action) {
        directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
        } catch (DirectoryProblems problems) {
            redirect.addFlashAttribute("actionProblems", problems.problems());
        }
        return "redirect:/people/" + id;
    }

    @GetMapping("/people/history")
    String history(@RequestParam(required = false) String subject, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", directory.history(subject, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("subject", subject);
        return "people/history";
    }

    private String again(StaffDetails details, boolean isNew, DirectoryProblems problems, Model model) {
        Map<String, List<Problem>> byField = new LinkedHashMap<>();
        problems.problems().forEach(p -> byField.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p));
        model.addAttribute("person", details);
        model.addAttribute("isNew", isNew);
        model.addAttribute("problems", byField);
        addChoices(model);
        return "people/edit";
    }

    private void addChoices(Model model) {
        model.addAttribute("groups", directory.teachingGroups());
        model.addAttribute("roles", ROLES);
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("employments", Employment.values());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** The list's filters, as query parameters so a filtered list can be bookmarked and exported. */
    record Filter(String q, String group, String role, String degree, String active, Integer page) {

        int pageNumber() {
            return page == null ? 0 : Math.max(page, 0);
        }

        Role roleOrNull() {
            return parse(Role.class, role);
        }

        Degree degreeOrNull() {
            return parse(Degree.class, degree);
        }

        /** Active people by default; "left" for those who left, "all" for both. */
        Boolean activeOrNull() {
            return "all".equals(active) ? null : "left".equals(active) ? Boolean.FALSE : Boolean.TRUE;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }

    /** What the person form posts. */
    record PersonForm(String id, String name, String role, String teachingGroupId, String subject, String title,
            String employment, String degree, String email, String phone, String post) {

        StaffDetails details(String fixedId) {
            return new StaffDetails(fixedId != null ? fixedId : id == null ? null : id.strip().toLowerCase(Locale.ROOT),
                    name, Filter.parse(Role.class, role), teachingGroupId, subject, title,
                    Filter.parse(Employment.class, employment), Filter.parse(Degree.class, degree), email, phone, post);
        }
    }
}
