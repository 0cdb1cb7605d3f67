package school.training.degree;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import school.training.notifications.Notifications;
import school.training.people.CamundaGroups;
import school.training.people.Directory;

/**
 * When the expected completion date passes without a certificate, the teacher and the office are
 * reminded, once per expected date: a certificate sent back for a corrected upload after that date
 * does not remind them again.
 */
@Component("degreeReminders")
public class DegreeReminders {

    private final Notifications notifications;
    private final Directory directory;

    DegreeReminders(Notifications notifications, Directory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    public void completionDue(DelegateExecution execution) {
        Object expected = execution.getVariable("expectedCompletion");
        if (expected != null && expected.equals(execution.getVariable("completionRemindedFor"))) {
            return;
        }
        execution.setVariable("completionRemindedFor", expected);
        String applicant = (String) execution.getVariable("applicant");
        String link = "/requests/" + execution.getProcessInstanceId();
        String title = String.valueOf(execution.getVariable("title"));
        notifications.notify(applicant, "notify.degreeCompletionDue.teacher", link, title);
        notifications.notifyGroup(CamundaGroups.OFFICE, "notify.degreeCompletionDue", link, directory.nameOf(applicant),
                title);
    }
}
