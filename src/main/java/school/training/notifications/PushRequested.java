package school.training.notifications;

/** One line for the staff group's robot, waiting for its transaction to commit. */
record PushRequested(String line) {
}
