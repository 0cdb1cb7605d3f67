package school.training.externalstudy;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The office's approval numbers (审批编号) WX-&lt;year&gt;-&lt;sequence&gt;: the next free one is suggested when
 * the registration task arrives, and a number already given to another request is refused.
 */
@Component("approvalNumbers")
public class ApprovalNumbers {

    private static final Pattern NUMBER = Pattern.compile("WX-(\\d{4})-(\\d{3,4})");

    private final HistoryService historyService;
    private final Clock clock;

    ApprovalNumbers(HistoryService historyService, Clock clock) {
        this.historyService = historyService;
        this.clock = clock;
    }

    /** Task listener on create of {@code officeRegistration}: pre-fills the next number of this year. */
    public void suggest(DelegateTask task) {
        if (task.getVariable("approvalNumber") == null) {
            task.setVariable("approvalNumber", next());
        }
    }

    String next() {
        int year = Year.now(clock).getValue();
        int highest = historyService.createHistoricVariableInstanceQuery().variableName("approvalNumber").list().stream()
                .map(v -> NUMBER.matcher(String.valueOf(v.getValue()))).filter(Matcher::matches)
                .filter(m -> Integer.parseInt(m.group(1)) == year).mapToInt(m -> Integer.parseInt(m.group(2)))
                .max().orElse(0);
        return "WX-%d-%03d".formatted(year, highest + 1);
    }

    /** True when another request already carries this number. */
    boolean takenByAnother(String number, String processInstanceId) {
        return historyService.createHistoricVariableInstanceQuery().variableName("approvalNumber")
                .variableValueEquals("approvalNumber", number).list().stream()
                .anyMatch(v -> !v.getProcessInstanceId().equals(processInstanceId));
    }
}
