package school.training.recognition;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import school.training.ledger.Category;
import school.training.people.CamundaGroups;

/**
 * The office's hours import (/ledger/import, the office's alone by the security configuration): upload,
 * preview, confirm. A batch's page (/ledger/batches/{id}) shows the office and the principal every row,
 * a teacher only their own rows, and anyone else a 404.
 */
@Controller
class HoursImportController {

    private static final int PAGE_SIZE = 50;

    private final HoursImport imports;

    HoursImportController(HoursImport imports) {
        this.imports = imports;
    }

    @GetMapping("/ledger/import")
    String form(Model model) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("category", Category.ONLINE);
        return "recognition/import";
    }

    @PostMapping("/ledger/import")
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "ONLINE") Category category, Authentication authentication, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, category, "recognition.import.refused.empty", new Object[0]);
        }
        try {
            Long batch = imports.preview(file.getOriginalFilename(), file.getBytes(), category, authentication.getName());
            return "redirect:/ledger/import/" + batch;
        } catch (HoursListReader.Refused refused) {
            return refused(model, category, refused.getMessage(), refused.args);
        }
    }

    @GetMapping("/ledger/import/{batchId}")
    String preview(@PathVariable Long batchId, @RequestParam(defaultValue = "0") int page, Model model) {
        HoursImport.Summary summary = imports.summary(batchId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("summary", summary);
        model.addAttribute("problems", imports.problems(batchId, PageRequest.of(0, 500)));
        model.addAttribute("rows", imports.rows(batchId, null, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "recognition/preview";
    }

    @PostMapping("/ledger/import/{batchId}/confirm")
    String confirm(@PathVariable Long batchId, RedirectAttributes redirect) {
        HoursImport.Summary summary = imports.summary(batchId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!summary.confirmable()) {
            redirect.addFlashAttribute("notConfirmable", true);
            return "redirect:/ledger/import/" + batchId;
        }
        redirect.addFlashAttribute("credited", imports.confirm(batchId));
        return "redirect:/ledger/batches/" + batchId;
    }

    @GetMapping("/ledger/batches/{batchId}")
    String batch(@PathVariable Long batchId, @RequestParam(defaultValue = "0") int page,
            Authentication authentication, Model model) {
        HoursImport.Summary summary = imports.summary(batchId).filter(s -> s.batch().isConfirmed())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String onlyTeacher = schoolWide(authentication) ? null : authentication.getName();
        var rows = imports.rows(batchId, onlyTeacher, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        if (onlyTeacher != null && rows.getTotalElements() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("summary", summary);
        model.addAttribute("rows", rows);
        return "recognition/batch";
    }

    @GetMapping("/ledger/batches/row/{sourceId}")
    String batchOfRow(@PathVariable String sourceId) {
        return "redirect:/ledger/batches/" + imports.batchOf(sourceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String refused(Model model, Category category, String key, Object[] args) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("category", category);
        model.addAttribute("refusal", key);
        model.addAttribute("refusalArgs", Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return "recognition/import";
    }

    private static boolean schoolWide(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return authorities.contains("GROUP_" + CamundaGroups.OFFICE) || authorities.contains("GROUP_" + CamundaGroups.PRINCIPAL);
    }
}
