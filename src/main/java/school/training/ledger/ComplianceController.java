package school.training.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.people.Directory;
import school.training.web.Chart;
import school.training.web.Csv;

/**
 * 学时达标情况: the office's and the principal's school-wide view of one rule (the URL rule in the
 * security configuration keeps everyone else out), per group and per teacher, exported as CSV, with a
 * button that reminds those behind.
 */
@Controller
class ComplianceController {

    private static final int PAGE_SIZE = 20;
    private static final String DEFAULT_RULE = "educationTechnologyYear";

    private final Compliance compliance;
    private final TrainingLedger ledger;
    private final Directory directory;
    private final MessageSource messages;

    ComplianceController(Compliance compliance, TrainingLedger ledger, Directory directory, MessageSource messages) {
        this.compliance = compliance;
        this.ledger = ledger;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/ledger/compliance")
    String page(@RequestParam(required = false) String rule, @RequestParam(required = false) String group,
            @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        RequirementRule chosen = rule(rule);
        String groupId = group(group);
        model.addAttribute("rules", ledger.rules());
        model.addAttribute("rule", chosen);
        model.addAttribute("groups", directory.teachingGroups());
        model.addAttribute("group", groupId);
        List<Compliance.GroupFigures> groupFigures = compliance.groups(chosen);
        model.addAttribute("groupFigures", groupFigures);
        model.addAttribute("chart", chart(chosen, groupFigures, locale));
        model.addAttribute("teachers", compliance.teachers(chosen, groupId, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "ledger/compliance";
    }

    @GetMapping("/ledger/compliance.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String rule,
            @RequestParam(required = false) String group, Locale locale) {
        RequirementRule chosen = rule(rule);
        String groupId = group(group);
        List<List<String>> rows = compliance.allTeachers(chosen, groupId).stream().map(t -> List.of(t.teacherId(),
                t.name(), t.groupName(), t.progress().achieved().toPlainString(),
                t.progress().required().toPlainString(), t.progress().remaining().toPlainString(),
                text(t.progress().met() ? "ledger.met" : "compliance.behind", locale))).toList();
        byte[] csv = Csv.of(List.of(text("compliance.csv.id", locale), text("compliance.csv.name", locale),
                text("compliance.csv.group", locale), text("compliance.csv.achieved", locale),
                text("compliance.csv.required", locale), text("compliance.csv.remaining", locale),
                text("compliance.csv.status", locale)), rows);
        String name = "compliance-" + chosen.id() + (groupId == null ? "" : "-" + groupId) + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/ledger/compliance/remind")
    String remind(@RequestParam String rule, @RequestParam(required = false) String group,
            Authentication authentication, RedirectAttributes redirect) {
        RequirementRule chosen = rule(rule);
        String groupId = group(group);
        int reminded = compliance.remindThoseBehind(chosen, groupId, authentication.getName());
        redirect.addFlashAttribute("reminded", reminded);
        redirect.addAttribute("rule", chosen.id());
        if (groupId != null) {
            redirect.addAttribute("group", groupId);
        }
        return "redirect:/ledger/compliance";
    }

    /** The per-group table as a picture: each group's teachers who met the rule and who are behind, as shares. */
    private Chart chart(RequirementRule rule, List<Compliance.GroupFigures> groups, Locale locale) {
        String ruleName = messages.getMessage("ledger.rule." + rule.id(), null, rule.id(), locale);
        return Chart.bars(messages.getMessage("compliance.chart.title", new Object[] { ruleName }, locale),
                groups.stream().map(Compliance.GroupFigures::name).toList(), "%").across()
                .with(text("compliance.metCount", locale),
                        groups.stream().map(g -> (long) g.met()).toList(), "#216e39")
                .with(text("compliance.behind", locale),
                        groups.stream().map(g -> (long) (g.teachers() - g.met())).toList(), "#e0a458")
                .percentOf(groups.stream().map(g -> (long) g.teachers()).toList());
    }

    private RequirementRule rule(String id) {
        if (id == null || id.isBlank()) {
            return compliance.rule(DEFAULT_RULE).orElseGet(() -> ledger.rules().get(0));
        }
        return compliance.rule(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such rule"));
    }

    private String group(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return directory.teachingGroup(id).map(g -> g.getId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such group"));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
