package school.training.people;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import school.training.web.Csv;

/**
 * 导入名单 ({@code /people/import}, office and admin only like all of /people): template download, upload,
 * preview, confirm, result. The previewed file waits in the HTTP session under a random token, so the
 * confirm imports exactly what the office saw (and a second click finds nothing to import). The new
 * people's initial passwords are shown on the result page and can be downloaded once; they are kept
 * nowhere else.
 */
@Controller
class RosterController {

    static final String PENDING = "roster.pending";
    static final String PASSWORDS = "roster.passwords";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Directory directory;
    private final RosterImport rosterImport;

    RosterController(Directory directory, RosterImport rosterImport) {
        this.directory = directory;
        this.rosterImport = rosterImport;
    }

    @ModelAttribute("maxRows")
    int maxRows() {
        return RosterReader.MAX_ROWS;
    }

    @GetMapping("/people/import")
    String uploadPage(HttpSession session) {
        // (leaving the result page already dropped the passwords, see RosterPasswordsForgotten)
        session.removeAttribute(PENDING);
        return "people/import";
    }

    @GetMapping("/people/import/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(RosterTemplate.xlsx(directory.teachingGroups()), XLSX, "名单模板.xlsx");
    }

    @GetMapping("/people/import/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(RosterTemplate.csv(directory.teachingGroups()),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "名单模板.csv");
    }

    @PostMapping("/people/import")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
            HttpSession session, Model model) throws IOException {
        session.removeAttribute(PENDING);
        RosterSheet sheet;
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank())) {
                throw new RosterFileRefused("roster.file.missing");
            }
            if (file.getSize() > RosterReader.MAX_BYTES) {
                throw new RosterFileRefused("roster.file.tooLarge", RosterReader.MAX_BYTES / 1024 / 1024);
            }
            sheet = RosterReader.read(file.getOriginalFilename(), file.getBytes());
        } catch (RosterFileRefused refused) {
            model.addAttribute("fileProblems", refused.problems());
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            return "people/import";
        }
        RosterPreview preview = rosterImport.preview(sheet, principal.getName());
        String token = UUID.randomUUID().toString();
        session.setAttribute(PENDING, new Pending(token, sheet, preview.plan()));
        return showPreview(preview, token, model);
    }

    @PostMapping("/people/import/confirm")
    String confirm(@RequestParam(required = false) String token, Principal principal, HttpSession session,
            Model model, HttpServletResponse response) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.token().equals(token)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("fileProblems", List.of(Problem.of("file", "roster.expired")));
            return "people/import";
        }
        try {
            RosterResult result = rosterImport.apply(pending.sheet(), pending.plan(), principal.getName());
            session.removeAttribute(PENDING);
            if (!result.added().isEmpty()) {
                session.setAttribute(PASSWORDS, new PasswordSlip(token, result));
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("result", result);
            model.addAttribute("token", token);
            return "people/imported";
        } catch (RosterChanged changed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            // the office sees (and may confirm) the plan as it is now, not the one it saw
            String fresh = UUID.randomUUID().toString();
            session.setAttribute(PENDING, new Pending(fresh, pending.sheet(), changed.preview().plan()));
            // a roster previewed with problems lands here too; only a different plan means the directory moved
            model.addAttribute("changedSincePreview", !changed.preview().plan().equals(pending.plan()));
            return showPreview(changed.preview(), fresh, model);
        } catch (RosterWriteFailed failed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            session.removeAttribute(PENDING);
            model.addAttribute("writeFailedLine", failed.line());
            model.addAttribute("fileProblems", failed.problems());
            return "people/import";
        }
    }

    /** The initial passwords as a CSV, once: the download takes them out of the session. */
    @GetMapping("/people/import/passwords.csv")
    ResponseEntity<byte[]> passwords(@RequestParam(required = false) String token, HttpSession session) {
        if (!(session.getAttribute(PASSWORDS) instanceof PasswordSlip slip) || !slip.token().equals(token)) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(new MediaType("text", "plain",
                    StandardCharsets.UTF_8)).body("初始密码只能下载一次。 The initial passwords can be downloaded once only."
                            .getBytes(StandardCharsets.UTF_8));
        }
        session.removeAttribute(PASSWORDS);
        List<List<String>> rows = slip.result().added().stream()
                .map(a -> List.of(a.id(), a.name(), a.groupName() == null ? "" : a.groupName(), a.password()))
                .toList();
        byte[] csv = Csv.of(List.of("用户名", "姓名", "教研组", "初始密码"), rows);
        ResponseEntity<byte[]> answer = download(csv, new MediaType("text", "csv", StandardCharsets.UTF_8), "初始密码.csv");
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer.getBody());
    }

    private String showPreview(RosterPreview preview, String token, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        model.addAttribute("fieldLabels", FIELD_LABELS);
        return "people/import";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Which column a problem's field is, to name it beside the message. */
    private static final Map<String, String> FIELD_LABELS = Arrays.stream(RosterColumn.values())
            .collect(Collectors.toMap(RosterColumn::field, RosterColumn::labelKey));

    /** A previewed file waiting for the office's confirmation. */
    record Pending(String token, RosterSheet sheet, List<RosterRow.Planned> plan) implements Serializable {
    }

    /** The result of an import whose passwords have not been downloaded yet. */
    record PasswordSlip(String token, RosterResult result) implements Serializable {
    }
}
