package school.training.degree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import school.training.web.Chart;

/**
 * 学历统计 ({@code /degree/statistics}) and its CSV exports, for the office and the principal: the whole
 * school, or one teaching group with {@code ?group=}. Everybody else gets a 404: for them it does not exist.
 */
@Controller
class DegreeStatisticsController {

    /** Degrees at or above the bachelor's in blues, below it in warm colours, so the target's side shows. */
    private static final Map<Degree, String> COLORS = Map.of(Degree.DOCTOR, "#0b3c5d", Degree.MASTER, "#1d5f8a",
            Degree.BACHELOR, "#5b9bd5", Degree.COLLEGE, "#e0a458", Degree.SECONDARY, "#c0504d");

    private final DegreeStatistics statistics;
    private final Directory directory;
    private final MessageSource messages;

    DegreeStatisticsController(DegreeStatistics statistics, Directory directory, MessageSource messages) {
        this.statistics = statistics;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/degree/statistics")
    String show(@RequestParam(required = false) String group, Authentication authentication, Locale locale,
            Model model) {
        String groupId = scope(authentication, group);
        DegreeStatistics.Overview overview = statistics.overview(groupId);
        model.addAttribute("overview", overview);
        model.addAttribute("chart", chart(overview, locale));
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

    /**
     * The table's rows as a picture: each group's teachers by degree, highest at the left, as shares of the
     * group, against the target line — a bar reaching past the line beyond 本科 meets the target.
     */
    private Chart chart(DegreeStatistics.Overview overview, Locale locale) {
        List<DegreeStatistics.Row> rows = new ArrayList<>(overview.groups());
        rows.add(overview.school());
        boolean en = "en".equals(locale.getLanguage());
        List<String> names = rows.stream().map(row -> row.isSchool() ? text("degreestats.school", locale)
                : row.groupName() == null ? text("degreestats.noGroup", locale)
                        : en && row.groupNameEn() != null ? row.groupNameEn() : row.groupName()).toList();
        String target = overview.targetPercent().stripTrailingZeros().toPlainString();
        Chart chart = Chart.bars(messages.getMessage("degreestats.chart.title", new Object[] { target }, locale), names,
                "%").across();
        List<Degree> highestFirst = new ArrayList<>(List.of(Degree.values()));
        Collections.reverse(highestFirst);
        for (Degree degree : highestFirst) {
            chart = chart.with(text("degreestats.degree." + degree.value(), locale),
                    rows.stream().map(row -> (long) row.count(degree)).toList(), COLORS.get(degree));
        }
        chart = chart.with(text("degreestats.degree.unknown", locale),
                rows.stream().map(row -> (long) row.unknown()).toList(), "#c4cbd2");
        return chart.percentOf(rows.stream().map(row -> (long) row.teachers()).toList())
                .target(overview.targetPercent(), messages.getMessage("degreestats.chart.target", new Object[] { target },
                        locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
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
