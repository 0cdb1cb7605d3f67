package school.training.deputies;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.people.Directory;
import school.training.people.Person;

/**
 * 代理人设置 {@code /account/deputy}: the signed-in leader, principal or office member sees their current
 * and upcoming deputyships, names a deputy and cancels one; the office and the admin do it for others too.
 * Who may open the page at all is a URL rule of the security configuration.
 */
@Controller
class DeputyController {

    private static final String PAGE = "account/deputy";

    private final Deputies deputies;
    private final Directory directory;

    DeputyController(Deputies deputies, Directory directory) {
        this.deputies = deputies;
        this.directory = directory;
    }

    @GetMapping("/account/deputy")
    String page(Authentication authentication, Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return show(authentication, model);
    }

    @PostMapping("/account/deputy")
    String name(@RequestParam Map<String, String> form, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = day(form.get("firstDay"), "firstDay", errors);
        LocalDate last = day(form.get("lastDay"), "lastDay", errors);
        try {
            var request = new Deputies.Request(form.get("personId"), form.get("deputyId"), first, last,
                    "on".equals(form.get("includeExisting")) || "true".equals(form.get("includeExisting")));
            // an unreadable date reaches the service as missing, so it is refused with everything else
            deputies.name(authentication.getName(), groups(authentication), request);
            redirect.addFlashAttribute("notice", "deputy.saved");
            return "redirect:/account/deputy";
        } catch (DeputyshipRefused refused) {
            refused.errors().forEach(errors::putIfAbsent);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return show(authentication, model);
    }

    @PostMapping("/account/deputy/{id}/cancel")
    String cancel(@PathVariable Long id, Authentication authentication, RedirectAttributes redirect) {
        boolean cancelled = deputies.cancel(id, authentication.getName(), groups(authentication));
        redirect.addFlashAttribute(cancelled ? "notice" : "problem",
                cancelled ? "deputy.cancelled" : "deputy.notCancelled");
        return "redirect:/account/deputy";
    }

    private String show(Authentication authentication, Model model) {
        List<String> groups = groups(authentication);
        List<Person> people = directory.everyone().stream().sorted(Comparator
                .comparing((Person p) -> p.getTeachingGroup() == null ? -1 : p.getTeachingGroup().getSortOrder())
                .thenComparing(Person::getName)).toList();
        model.addAttribute("people", people);
        model.addAttribute("forOthers", Deputies.mayNameForOthers(groups));
        model.addAttribute("me", authentication.getName());
        model.addAttribute("today", deputies.today());
        model.addAttribute("deputyships", deputies.currentAndUpcoming(authentication.getName(), groups).stream()
                .map(d -> new Row(d, directory.nameOf(d.getPersonId()), directory.nameOf(d.getDeputyId()),
                        d.runsOn(deputies.today()), Deputies.mayManage(d, authentication.getName(), groups)))
                .toList());
        return PAGE;
    }

    /** One line of the list, with names for pages; a deputy sees theirs but only the one away cancels. */
    record Row(Deputyship deputyship, String personName, String deputyName, boolean running,
            boolean cancellable) {
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null; // the service says which is missing
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "deputy.error.dateFormat");
            return null;
        }
    }

    private static List<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).toList();
    }
}
