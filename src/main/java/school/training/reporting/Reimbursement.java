package school.training.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import school.training.records.RequestRecords;
import school.training.records.StepRecord;

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

    /**
     * The statement of a settled report-back (报销单), or empty while the office has not settled it: the
     * same facts and the same two rules as {@link #execute} and {@link #settle}, read from the records
     * (approved lines carried from the trip, actual lines of the latest report, the settlement's penalty).
     */
    public Optional<ReimbursementStatement> statement(String reportBackId) {
        List<StepRecord> steps = records.steps(reportBackId);
        Optional<StepRecord> settlement = steps.stream()
                .filter(step -> ReportingProcess.SETTLE_REIMBURSEMENT.equals(step.getStep()))
                .reduce((first, second) -> second);
        if (settlement.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        steps.forEach(step -> facts.putAll(records.values(step)));
        List<ReimbursementStatement.Line> lines = new ArrayList<>();
        BigDecimal approved = BigDecimal.ZERO.setScale(2);
        BigDecimal actual = BigDecimal.ZERO.setScale(2);
        BigDecimal payable = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, String[]> line : LINES.entrySet()) {
            BigDecimal a = yuan(facts.get(line.getValue()[0]));
            BigDecimal b = yuan(facts.get(line.getValue()[1]));
            BigDecimal c = reimbursable(a, b);
            lines.add(new ReimbursementStatement.Line(line.getKey(), a, b, c));
            approved = approved.add(a);
            actual = actual.add(b);
            payable = payable.add(c);
        }
        BigDecimal penalty = yuan(facts.get("penaltyAmount"));
        return Optional.of(new ReimbursementStatement(reportBackId, text(facts.get("externalStudyId")),
                text(facts.get("title")), text(facts.get("approvalNumber")), text(facts.get("location")),
                text(facts.get("startDate")), text(facts.get("endDate")), List.copyOf(lines), approved, actual,
                payable, penalty, text(facts.get("penaltyReason")), settled(payable, penalty),
                text(facts.get("settlementNotes")), settlement.get().getDecidedBy(),
                settlement.get().getDecidedAt()));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
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
