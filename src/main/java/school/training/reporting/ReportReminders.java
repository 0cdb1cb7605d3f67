package school.training.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import school.training.notifications.Notifications;
import school.training.people.CamundaGroups;
import school.training.people.Directory;

/**
 * What the report-back's timers say and to whom: the teacher is reminded before a deadline; after
 * it, the office and the teacher's group leader are told who is overdue.
 */
@Component("reportingReminders")
public class ReportReminders {

    private final Notifications notifications;
    private final Directory directory;

    ReportReminders(Notifications notifications, Directory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    public void checkInDue(DelegateExecution execution) {
        notifications.notify(applicant(execution), "notify.checkInDue", link(execution), title(execution));
    }

    public void reportDue(DelegateExecution execution) {
        notifications.notify(applicant(execution), "notify.reportDue", link(execution), title(execution),
                String.valueOf(execution.getVariable("reportDue")).replace('T', ' '));
    }

    public void checkInOverdue(DelegateExecution execution) {
        escalate(execution, "notify.checkInOverdue");
    }

    public void reportOverdue(DelegateExecution execution) {
        escalate(execution, "notify.reportOverdue");
    }

    private void escalate(DelegateExecution execution, String key) {
        String name = directory.nameOf(applicant(execution));
        notifications.notify(applicant(execution), key + ".teacher", link(execution), title(execution));
        notifications.notifyGroup(CamundaGroups.OFFICE, key, link(execution), name, title(execution));
        directory.leaderOf(applicant(execution)).filter(leader -> !leader.equals(applicant(execution)))
                .ifPresent(leader -> notifications.notify(leader, key, link(execution), name, title(execution)));
    }

    private static String applicant(DelegateExecution execution) {
        return (String) execution.getVariable("applicant");
    }

    private static String title(DelegateExecution execution) {
        return String.valueOf(execution.getVariable("title"));
    }

    private static String link(DelegateExecution execution) {
        return "/requests/" + execution.getProcessInstanceId();
    }
}
