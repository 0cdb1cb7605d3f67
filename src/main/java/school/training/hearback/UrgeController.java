package school.training.hearback;

import java.security.Principal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's 催办 button on her request page. */
@Controller
class UrgeController {

    private final Urges urges;

    UrgeController(Urges urges) {
        this.urges = urges;
    }

    @PostMapping("/requests/{id}/urge")
    String urge(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        if (!urges.isApplicant(id, principal.getName())) {
            // the same answer as for a request that does not exist: only its applicant may urge it
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request of yours");
        }
        try {
            urges.urge(id, principal.getName());
            redirect.addFlashAttribute("notice", "hearback.urge.sent");
        } catch (Urges.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            // another urge of the same request won the race for today's row
            redirect.addFlashAttribute("problem", "hearback.urge.onceADay");
        }
        return "redirect:/requests/" + id;
    }
}
