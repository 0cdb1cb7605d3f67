package school.training.dashboard;

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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import school.training.people.Directory;

/**
 * The office dashboard ({@code /office}) and its CSV exports. Teachers get a 404: for them it does not
 * exist. A group leader always sees their own group, whatever {@code ?group=} says.
 */
@Controller
class DashboardController {

    private final OfficeDashboard dashboard;
    private final Directory directory;
    private final MessageSource messages;

    DashboardController(OfficeDashboard dashboard, Directory directory, MessageSource messages) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/office")
    String show(@RequestParam(required = false) String group, Authentication authentication, Locale locale,
            Model model) {
        Scope scope = scope(authentication, group);
        Map<Section, List<DashboardRow>> board = dashboard.board(scope.groupId());
        model.addAttribute("scope", scope);
        model.addAttribute("groups", directory.teachingGroups());
        model.addAttribute("shownGroup", scope.groupId() == null ? null
                : directory.teachingGroup(scope.groupId()).orElse(null));
        model.addAttribute("tables", board.entrySet().stream()
                .map(e -> Table.of(e.getKey(), e.getValue(), messages, locale)).toList());
        return "dashboard/office";
    }

    @GetMapping("/office/export/{section}.csv")
    ResponseEntity<byte[]> export(@PathVariable("section") String sectionId,
            @RequestParam(required = false) String group, Authentication authentication, Locale locale) {
        Scope scope = scope(authentication, group);
        Section section = Section.byId(sectionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such list"));
        byte[] csv = CsvExport.of(section, dashboard.rows(section, scope.groupId()), messages, locale);
        String name = "office-" + section.getId() + (scope.groupId() == null ? "" : "-" + scope.groupId()) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(csv);
    }

    private Scope scope(Authentication authentication, String group) {
        return Scope.of(authentication, group, directory)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dashboard for you"));
    }
}
