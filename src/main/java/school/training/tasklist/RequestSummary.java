package school.training.tasklist;

import java.util.Date;

/**
 * One request as a list shows it. {@code state} is the activity it waits in, or the end event it
 * finished in; pages translate it with the message {@code status.<state>}.
 */
public record RequestSummary(String id, String processKey, String processName, String title, String applicant,
        String applicantName, Date started, Date ended, String state) {

    public boolean active() {
        return ended == null;
    }
}
