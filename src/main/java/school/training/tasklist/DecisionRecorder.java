package school.training.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code ${decisionRecorder.record(task, 'leader')}} on complete): keeps each step's
 * decision and comment on the task itself, so the timeline shows every round of a request that went
 * back and forth, however the task was completed (our pages, Camunda's Tasklist, REST).
 */
@Component("decisionRecorder")
public class DecisionRecorder {

    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";

    /**
     * Task listener on create: a step decides afresh in every round. Without this, the "revise" and
     * its comment from the round before would still be set, so a completion without a decision
     * (REST) would loop silently and an approval without a comment would show the old one.
     */
    public void newRound(DelegateTask task, String step) {
        task.removeVariable(step + "Decision");
        task.removeVariable(step + "Comment");
    }

    public void record(DelegateTask task, String step) {
        task.setVariableLocal(DECISION, task.getVariable(step + "Decision"));
        task.setVariableLocal(COMMENT, task.getVariable(step + "Comment"));
    }

    /** The office's registration: its "decision" is the approval number it gave. */
    public void registered(DelegateTask task) {
        task.setVariableLocal(DECISION, "registered");
        Object number = task.getVariable("approvalNumber");
        Object notes = task.getVariable("officeNotes");
        task.setVariableLocal(COMMENT, notes == null || notes.toString().isBlank() ? number : number + " · " + notes);
    }
}
