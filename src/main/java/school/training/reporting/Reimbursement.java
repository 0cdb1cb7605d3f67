package school.training.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;

/**
 * 超支不补、违章则罚: per budget line the school pays what was spent, but never more than was approved;
 * the office may deduct a penalty with a reason; the total never goes below zero. Amounts are
 * BigDecimal yuan with two decimals here; process variables hold them as doubles because that is what
 * Camunda Forms read and write.
 */
@Component("reportingReimbursement")
public class Reimbursement implements JavaDelegate {

    /** Budget line → (approved variable, actual variable, reimbursable variable). */
    static final Map<String, String[]> LINES = new LinkedHashMap<>();
    static {
        for (String line : new String[] { "Transport", "Lodging", "Fees", "Other" }) {
            LINES.put(line, new String[] { "budget" + line, "actual" + line, "reimbursable" + line });
        }
    }

    private final RequestRecords records;

    Reimbursement(RequestRecords records) {
        this.records = records;
    }

    /**
     * Service task {@code computeReimbursement}: what each line may be reimbursed, before the office
     * settles. Approved amounts come from the report-back's start record (carried from the approved
     * request's records), actual amounts from the recorded study report, never from variables.
     */
    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> facts = records.facts(execution.getProcessInstanceId());
        BigDecimal total = BigDecimal.ZERO;
        for (String[] names : LINES.values()) {
            BigDecimal payable = reimbursable(yuan(facts.get(names[0])), yuan(facts.get(names[1])));
            execution.setVariable(names[2], payable.doubleValue());
            total = total.add(payable);
        }
        execution.setVariable("reimbursableTotal", total.doubleValue());
    }

    /** Task listener on completing {@code settleReimbursement}: the amount actually paid. */
    public void settle(DelegateTask task) {
        BigDecimal payable = yuan(task, "reimbursableTotal");
        BigDecimal penalty = yuan(task, "penaltyAmount");
        task.setVariable("reimbursedTotal", settled(payable, penalty).doubleValue());
    }

    static BigDecimal reimbursable(BigDecimal approved, BigDecimal actual) {
        return actual.min(approved).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal settled(BigDecimal payable, BigDecimal penalty) {
        return payable.subtract(penalty).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal yuan(VariableScope scope, String name) {
        return yuan(scope.getVariable(name));
    }

    /** An amount as recorded or computed (forms give doubles), in yuan with two decimals; zero when absent. */
    static BigDecimal yuan(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
    }
}
