package school.training.notifications;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The unread count for the header badge on every page; absent (null) for visitors who are not signed in. Counted
 * only when a page shows it: a form sent and redirected, or a JSON answer, never asks the database for it.
 */
@ControllerAdvice
class NotificationsModel {

    private final Notifications notifications;

    NotificationsModel(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Long> unreadNotifications(Principal principal) {
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                return principal == null ? null : notifications.unreadCount(principal.getName());
            }
        };
    }
}
