package school.training.slip;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import school.training.reporting.ReimbursementStatement;
import school.training.tasklist.CurrentUser;
import school.training.tasklist.RequestAccess;
import school.training.tasklist.RequestSummary;
import school.training.tasklist.Requests;

/**
 * The printable approval slip of a request and the reimbursement statement of a settled trip. Whoever may
 * open the request page may print them; everybody else gets the request page's answer (404), no data.
 */
@Controller
class SlipController {

    private final RequestAccess access;
    private final Requests requests;
    private final Slips slips;
    private final String schoolName;

    SlipController(RequestAccess access, Requests requests, Slips slips,
            @Value("${training.slip.school-name:}") String schoolName) {
        this.access = access;
        this.requests = requests;
        this.slips = slips;
        this.schoolName = schoolName;
    }

    @GetMapping("/requests/{id}/slip")
    String slip(@PathVariable String id, Authentication authentication, Locale locale, Model model) {
        RequestSummary request = viewable(id, CurrentUser.of(authentication));
        model.addAttribute("schoolName", schoolName.isBlank() ? null : schoolName);
        model.addAttribute("slip", slips.slip(request, locale));
        return "slip/slip";
    }

    /** Given the trip or its report-back: the statement once the office has settled it, else 404. */
    @GetMapping("/requests/{id}/reimbursement")
    String reimbursement(@PathVariable String id, Authentication authentication, Locale locale, Model model) {
        RequestSummary request = viewable(id, CurrentUser.of(authentication));
        ReimbursementStatement statement = slips.reimbursementOf(request)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Not settled"));
        RequestSummary reportBack = requests.find(statement.reportBackId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("schoolName", schoolName.isBlank() ? null : schoolName);
        model.addAttribute("request", reportBack);
        model.addAttribute("teachingGroup", slips.groupName(reportBack.id(), reportBack.applicant(), locale));
        model.addAttribute("statement", statement);
        model.addAttribute("settledByName", slips.nameOf(statement.settledBy()));
        model.addAttribute("settledAt", java.util.Date.from(statement.settledAt()));
        model.addAttribute("tripId", statement.tripId() != null ? statement.tripId() : reportBack.id());
        return "slip/reimbursement";
    }

    /** Exactly the request page's check (tasklist's RequestController): 404 for whoever may not read it. */
    private RequestSummary viewable(String id, CurrentUser user) {
        if (!access.canView(user, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request for you");
        }
        return requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
