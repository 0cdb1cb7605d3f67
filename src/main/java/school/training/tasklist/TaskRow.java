package school.training.tasklist;

import org.camunda.bpm.engine.task.Task;

/** A task as an inbox lists it: the task plus the request it belongs to, so nobody opens tasks blindly. */
public record TaskRow(Task task, String requestTitle, String applicantName) {
}
