package school.training.ledger;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import school.training.archive.ProfessionalArchive;
import school.training.people.CamundaGroups;
import school.training.people.Directory;

/**
 * A teacher's ledger and archive. Teachers see their own; the leader of their teaching group, the
 * principal and the office see anyone's. Everybody else gets a 404, so they do not learn who exists.
 */
@Controller
class LedgerController {

    private final TrainingLedger ledger;
    private final ProfessionalArchive archive;
    private final Directory directory;

    LedgerController(TrainingLedger ledger, ProfessionalArchive archive, Directory directory) {
        this.ledger = ledger;
        this.archive = archive;
        this.directory = directory;
    }

    @GetMapping("/ledger")
    String myLedger(Authentication authentication, Model model) {
        return show(authentication.getName(), true, model);
    }

    @GetMapping("/ledger/{teacherId}")
    String ledgerOf(@PathVariable String teacherId, Authentication authentication, Model model) {
        String me = authentication.getName();
        if (!me.equals(teacherId) && !mayRead(authentication, teacherId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such ledger for you");
        }
        return show(teacherId, me.equals(teacherId), model);
    }

    private boolean mayRead(Authentication authentication, String teacherId) {
        if (directory.find(teacherId).isEmpty()) {
            return false;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return authorities.contains("GROUP_" + CamundaGroups.PRINCIPAL)
                || authorities.contains("GROUP_" + CamundaGroups.OFFICE)
                || directory.isLeaderOf(authentication.getName(), teacherId);
    }

    private String show(String teacherId, boolean own, Model model) {
        model.addAttribute("teacherId", teacherId);
        model.addAttribute("teacherName", directory.nameOf(teacherId));
        model.addAttribute("own", own);
        model.addAttribute("summary", ledger.summaryOf(teacherId));
        model.addAttribute("entries", ledger.entriesOf(teacherId));
        model.addAttribute("archive", archive.entriesOf(teacherId));
        return "ledger/ledger";
    }
}
