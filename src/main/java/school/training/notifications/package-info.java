/**
 * Notifications: reminders and escalations reach people in the app (a list with an unread count in
 * the header) and, when an SMTP server is configured ({@code spring.mail.host}), by e-mail as well.
 * Processes call the {@link school.training.notifications.Notifications} bean from BPMN expressions.
 * A notification stores a message key and plain-string arguments, not text, so each reader sees it in
 * their own language; e-mail goes out in Chinese, the school's language, and only after the surrounding
 * transaction commits, so a rolled-back engine transaction tells nobody anything.
 */
package school.training.notifications;
