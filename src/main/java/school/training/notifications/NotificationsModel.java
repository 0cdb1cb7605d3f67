package school.training.notifications;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count for the header badge on every page; absent for visitors who are not signed in. */
@ControllerAdvice
class NotificationsModel {

    private final Notifications notifications;

    NotificationsModel(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(Principal principal) {
        return principal == null ? null : notifications.unreadCount(principal.getName());
    }
}
