package school.training.termreview;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import school.training.ledger.Term;
import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.web.Csv;

/**
 * 教学常规记录 (/term-records), the way into the term's records: the office and the principal see every group and pick
 * one; a group leader sees her own group whatever the URL asks for; a teacher sees her own term so far. Each links
 * to the record pages (monthly plans, observations, research activities, the archive).
 */
@Controller
class TermRecordsController {

    private static final int PAGE_SIZE = 50;

    private final TermRecordsOverview overview;
    private final Directory directory;
    private final MessageSource messages;

    TermRecordsController(TermRecordsOverview overview, Directory directory, MessageSource messages) {
        this.overview = overview;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/term-records")
    String page(@RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
            Authentication authentication, Model model) {
        Term term = overview.term();
        boolean schoolWide = schoolWide(authentication);
        model.addAttribute("term", term);
        model.addAttribute("recordPoints", overview.recordPoints());
        if (!schoolWide && !leader(authentication)) {
            Person me = directory.find(authentication.getName())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Not in the directory"));
            model.addAttribute("period", overview.period(term));
            model.addAttribute("mine", overview.rows(term, List.of(me)).get(0));
            return "termreview/records";
        }
        String groupId = group(group, authentication);
        model.addAttribute("period", overview.period(term));
        model.addAttribute("schoolWide", schoolWide);
        model.addAttribute("groups", directory.teachingGroups());
        model.addAttribute("group", groupId);
        if (schoolWide) {
            model.addAttribute("groupRows", overview.groups(term));
        }
        model.addAttribute("teachers", overview.teachers(term, groupId, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "termreview/records";
    }

    @GetMapping("/term-records.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String group, Authentication authentication,
            Locale locale) {
        Term term = overview.term();
        if (!schoolWide(authentication) && !leader(authentication)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Leaders, the principal and the office");
        }
        String groupId = group(group, authentication);
        List<List<String>> rows = overview.allTeachers(term, groupId).stream().map(row -> List.of(
                row.person().getId(), row.person().getName(), row.groupName(),
                String.valueOf(row.items().plans().accepted().size()), String.valueOf(row.items().plans().due().size()),
                row.items().plans().missing().stream().map(YearMonth::toString).collect(Collectors.joining(" ")),
                String.valueOf(row.items().observations().recorded()), String.valueOf(row.items().observations().quota()),
                String.valueOf(row.items().activities().attended()), String.valueOf(row.items().activities().required()),
                row.items().archive().missing().stream().map(key -> text("archive.checklist." + key, locale))
                        .collect(Collectors.joining(" ")),
                String.valueOf(row.points()))).toList();
        byte[] csv = Csv.of(List.of(text("termRecords.csv.id", locale), text("termRecords.csv.name", locale),
                text("termRecords.csv.group", locale), text("termRecords.csv.plansAccepted", locale),
                text("termRecords.csv.plansDue", locale), text("termRecords.csv.plansMissing", locale),
                text("termRecords.csv.observations", locale), text("termRecords.csv.quota", locale),
                text("termRecords.csv.activities", locale), text("termRecords.csv.activitiesRequired", locale),
                text("termRecords.csv.archiveMissing", locale), text("termRecords.csv.points", locale)), rows);
        String name = "term-records-" + term.startYear() + "-" + term.number() + (groupId == null ? "" : "-" + groupId)
                + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    /** The group shown: any (or all) for the office and the principal; the leader's own for a leader. */
    private String group(String requested, Authentication authentication) {
        if (schoolWide(authentication)) {
            if (requested == null || requested.isBlank()) {
                return null;
            }
            return directory.teachingGroup(requested).map(g -> g.getId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such group"));
        }
        return directory.find(authentication.getName()).map(Person::getTeachingGroup).map(g -> g.getId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "No teaching group"));
    }

    private static boolean schoolWide(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return authorities.contains("GROUP_" + CamundaGroups.OFFICE)
                || authorities.contains("GROUP_" + CamundaGroups.PRINCIPAL);
    }

    private static boolean leader(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> ("GROUP_" + CamundaGroups.GROUP_LEADERS).equals(a.getAuthority()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
