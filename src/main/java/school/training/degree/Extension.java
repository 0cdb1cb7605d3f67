package school.training.degree;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code extendStudy}: the new expected completion becomes the due date; the old one is kept in history. */
@Component("degreeExtension")
class Extension implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("expectedCompletion", execution.getVariable("newExpectedCompletion"));
        Object extensions = execution.getVariable("extensions");
        execution.setVariable("extensions", extensions instanceof Integer n ? n + 1 : 1);
        execution.removeVariable("completionStatus");
    }
}
