package school.training.records;

/** What a list of tasks shows of each task's request: its title and who asked. */
public record RequestLabel(String processInstanceId, String title, String applicantName) {
}
