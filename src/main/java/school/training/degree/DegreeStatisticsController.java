package school.training.degree;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import school.training.people.CamundaGroups;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.TeachingGroup;

/**
 * 学历统计 ({@code /degree/statistics}) and its CSV exports, for the office and the principal: the whole
 * school, or one teaching group with {@code ?group=}. Everybody else gets a 404: for them it does not exist.
 */
@Controller
class DegreeStatisticsController {

    private final DegreeStatistics statistics;
    private final Directory directory;
    private final MessageSource messages;

    DegreeStatisticsController(DegreeStatistics statistics, Directory directory, MessageSource messages) {
        this.statistics = statistics;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/degree/statistics")
    String show(@RequestParam(required = false) String group, Authentication authentication, Model model) {
        String groupId = scope(authentication, group);
        model.addAttribute("overview", statistics.overview(groupId));
        model.addAttribute("studying", statistics.studying(groupId));
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("groups", directory.teachingGroups());
        model.addAttribute("groupId", groupId);
        return "degree/statistics";
    }

    @GetMapping("/degree/statistics/export/{list}.csv")
    ResponseEntity<byte[]> export(@PathVariable("list") String list, @RequestParam(required = false) String group,
            Authentication authentication, Locale locale) {
        String groupId = scope(authentication, group);
        byte[] csv = switch (list) {
            case "distribution" -> DegreeStatisticsCsv.distribution(statistics.overview(groupId), messages, locale);
            case "studying" -> DegreeStatisticsCsv.studying(statistics.studying(groupId), messages, locale);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such list");
        };
        String name = "degree-" + list + (groupId == null ? "" : "-" + groupId) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    /** The teaching group asked for (null: the whole school); a 404 for anyone but the office and the principal. */
    private String scope(Authentication authentication, String group) {
        if (!has(authentication, CamundaGroups.OFFICE) && !has(authentication, CamundaGroups.PRINCIPAL)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No degree statistics for you");
        }
        return group == null || group.isBlank() ? null
                : directory.teachingGroup(group).map(TeachingGroup::getId).orElse(null);
    }

    private static boolean has(Authentication authentication, String camundaGroup) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("GROUP_" + camundaGroup)::equals);
    }
}
