package school.training.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;


import school.training.people.Directory;
import school.training.records.WaitingByAge;
import school.training.web.Chart;

/**
 * The office dashboard ({@code /office}) and its CSV exports. Teachers get a 404: for them it does not
 * exist. A group leader always sees their own group, whatever {@code ?group=} says.
 */
@Controller
class DashboardController {

    /** Message keys of {@link WaitingByAge}'s bands, in its order. */
    static final List<String> AGE_BANDS = List.of("underOneDay", "oneToTwoDays", "threeToSevenDays", "overSevenDays");

    private final OfficeDashboard dashboard;
    private final Directory directory;
    private final MessageSource messages;

    DashboardController(OfficeDashboard dashboard, Directory directory, MessageSource messages) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Every section's first page; {@code section} and {@code page} (0-based) turn the pages of one
     * section, the others staying on their first.
     */
    @GetMapping("/office")
    String show(@RequestParam(required = false) String group, @RequestParam(required = false) String section,
            @RequestParam(defaultValue = "0") int page, Authentication authentication, Locale locale,
            HttpServletRequest request, Model model) {
        Scope scope = scope(authentication, group);
        Section shown = section == null ? null : Section.byId(section).orElse(null);
        OfficeDashboard.Board board = dashboard.board(scope.groupId(), shown, page);
        model.addAttribute("scope", scope);
        model.addAttribute("groups", board.groups());
        model.addAttribute("shownGroup", board.groups().stream().filter(g -> g.getId().equals(scope.groupId()))
                .findFirst().orElse(null));
        model.addAttribute("tables", board.slices().stream()
                .map(slice -> Table.of(slice, messages, locale, request.getContextPath())).toList());
        model.addAttribute("approvalChart", approvalChart(board.approvalAges(), locale));
        return "dashboard/office";
    }

    /**
     * The whole section, written to the response a chunk of rows at a time (no list of every row in
     * memory), in this request's thread.
     */
    @GetMapping("/office/export/{section}.csv")
    void export(@PathVariable("section") String sectionId, @RequestParam(required = false) String group,
            Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
        Scope scope = scope(authentication, group);
        Section section = Section.byId(sectionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such list"));
        String name = "office-" + section.getId() + (scope.groupId() == null ? "" : "-" + scope.groupId()) + ".csv";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        CsvExport.write(section, chunk -> dashboard.forEachChunk(section, scope.groupId(), chunk), messages, locale,
                response.getOutputStream());
    }

    /** How long the approvals have waited, as bars: under a day, 1–2, 3–7, more than 7 days. */
    private Chart approvalChart(WaitingByAge ages, Locale locale) {
        return Chart.bars(messages.getMessage("dashboard.chart.approvalAges", null, locale),
                AGE_BANDS.stream().map(band -> messages.getMessage("dashboard.age." + band, null, locale)).toList(),
                messages.getMessage("dashboard.chart.requests", null, locale))
                .with(messages.getMessage("dashboard.chart.requests", null, locale), ages.counts(), "#1d5f8a");
    }

    private Scope scope(Authentication authentication, String group) {
        return Scope.of(authentication, group, directory)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dashboard for you"));
    }
}
