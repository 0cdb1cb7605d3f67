package school.training.hearback;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.records.StepDecided;

/**
 * Tells the applicant what was decided on her request. It listens to the step records, which the engine
 * writes for every completion (our pages, Camunda's Tasklist, REST), so no client can decide silently;
 * it runs in the step's transaction, so a step rolled back tells nobody. Her own steps (revising,
 * reporting back) and steps without a decision tell her nothing.
 */
@Component
class DecisionNotices {

    /** The decision values of DOMAIN.md, and the office's registration (see tasklist's DecisionRecorder). */
    private static final Map<String, String> MESSAGES = Map.of(
            "approve", "hearback.approved",
            "revise", "hearback.returned",
            "reject", "hearback.rejected",
            "registered", "hearback.registered");

    private final Notifications notifications;
    private final Directory directory;

    DecisionNotices(Notifications notifications, Directory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void decided(StepDecided step) {
        String key = step.decision() == null ? null : MESSAGES.get(step.decision());
        if (key == null || step.applicant() == null || step.applicant().equals(step.decidedBy())) {
            return;
        }
        String who = step.decidedBy() == null ? "" : directory.nameOf(step.decidedBy());
        String title = step.title() == null ? "" : step.title();
        // the registration's "reason" is the approval number it gave; the others', the approver's comment
        Object reason = "registered".equals(step.decision()) && step.values().get("approvalNumber") != null
                ? step.values().get("approvalNumber") : step.comment();
        notifications.notify(step.applicant(), key, "/requests/" + step.processInstanceId(), who, title,
                reason == null ? "" : reason.toString());
    }
}
