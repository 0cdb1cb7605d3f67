package school.training.notifications;

/** A rendered e-mail waiting for its transaction to commit. */
record MailRequested(String to, String subject, String body) {
}
