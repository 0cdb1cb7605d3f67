package school.training.notifications;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The person's own notifications: list, open one (which marks it read), mark all read. */
@Controller
class NotificationsController {

    static final int SHOWN = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(Principal principal, Locale locale, Model model) {
        model.addAttribute("rows", notifications.latest(principal.getName(), SHOWN).stream()
                .map(n -> new Row(n.getId(), notifications.text(n, locale),
                        WHEN.format(n.getCreatedAt().atZone(ZoneId.systemDefault())), n.isUnread()))
                .toList());
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, Principal principal) {
        Notification notification = notifications.markRead(principal.getName(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:" + (isInApp(notification.getLink()) ? notification.getLink() : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(Principal principal) {
        notifications.markAllRead(principal.getName());
        return "redirect:/notifications";
    }

    /** Only paths inside the app: a stored link must never send anyone to another site. */
    static boolean isInApp(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");
    }

    record Row(long id, String text, String createdAt, boolean unread) {
    }
}
