package school.training.tasklist;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import school.training.deputies.Deputies;
import school.training.trainings.Trainings;

/** Each person's home: what waits for them, what they could take on, and their own requests. */
@Controller
class HomeController {

    private final Inbox inbox;
    private final Requests requests;
    private final LatestProcessVersions latest;
    private final Clock clock;
    private final Deputies deputies;
    private final Trainings trainings;

    HomeController(Inbox inbox, Requests requests, LatestProcessVersions latest, Clock clock, Deputies deputies,
            Trainings trainings) {
        this.trainings = trainings;
        this.deputies = deputies;
        this.clock = clock;
        this.inbox = inbox;
        this.requests = requests;
        this.latest = latest;
    }

    /** Each list paged on its own ({@code assigned}, {@code offered}, {@code mine}: 0-based page numbers). */
    @GetMapping("/")
    String home(@RequestParam(defaultValue = "0") int assigned, @RequestParam(defaultValue = "0") int offered,
            @RequestParam(defaultValue = "0") int mine, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        List<String> alone = inbox.aloneIn(user);
        model.addAttribute("assignedPage", inbox.assignedPage(user, alone, assigned));
        model.addAttribute("offeredPage", inbox.offeredPage(user, alone, offered));
        model.addAttribute("now", Date.from(clock.instant()));
        // whom they approve for now, or who approves for them while they are away
        model.addAttribute("deputyNotes", deputies.notesFor(user.id()));
        model.addAttribute("myTrainings", trainings.upcomingFor(user.id(), 5));
        model.addAttribute("myRequestsPage", requests.ofApplicant(user.id(), mine));
        model.addAttribute("startable", latest.startable());
        return "tasklist/home";
    }
}
