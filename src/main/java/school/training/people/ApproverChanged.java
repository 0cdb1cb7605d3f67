package school.training.people;

/**
 * Published (inside the directory change's transaction) when someone stops being who their open tasks
 * were given to: they left, changed role or group, or their teaching group has a new leader. The
 * tasklist moves those tasks to whoever now holds the role and notes it in each request's timeline.
 *
 * @param personId whose open tasks to look at
 * @param reason a message key for the timeline: {@code handover.left}, {@code handover.newLeader}, …
 * @param changedBy who made the directory change
 */
public record ApproverChanged(String personId, String reason, String changedBy) {
}
