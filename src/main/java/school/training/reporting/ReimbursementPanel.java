package school.training.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.tasklist.RequestPanel;

/**
 * The reimbursement statement on a report-back's page and its task pages: the approved budget lines from the
 * start (the teacher writing her report and the leader reviewing it compare against them), then actual,
 * reimbursable and paid with the approval number, which is what the office settles.
 */
@Component
class ReimbursementPanel implements RequestPanel {

    /** {@code actual} and {@code reimbursable} are null until the teacher reports what she spent. */
    record Line(String name, BigDecimal approved, BigDecimal actual, BigDecimal reimbursable) {
        public boolean capped() {
            return actual != null && actual.compareTo(approved) > 0;
        }
    }

    @Override
    public boolean appliesTo(String processKey) {
        return ReportingProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "reporting/panels";
    }

    @Override
    public String fragment() {
        return "reimbursement";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        if (Reimbursement.LINES.values().stream().noneMatch(names -> variables.containsKey(names[0]))) {
            return null; // a report-back without a budget (none was approved)
        }
        boolean reported = variables.containsKey("actualTotal");
        List<Line> lines = new ArrayList<>();
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal payable = BigDecimal.ZERO;
        for (var line : Reimbursement.LINES.entrySet()) {
            String[] names = line.getValue();
            BigDecimal a = Reimbursement.yuan(variables.get(names[0]));
            BigDecimal b = Reimbursement.yuan(variables.get(names[1]));
            BigDecimal c = Reimbursement.reimbursable(a, b);
            lines.add(reported ? new Line(line.getKey(), a, b, c) : new Line(line.getKey(), a, null, null));
            approved = approved.add(a);
            actual = actual.add(b);
            payable = payable.add(c);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("reported", reported);
        model.put("approvalNumber", variables.get("approvalNumber"));
        model.put("approvedTotal", approved);
        model.put("actualTotal", reported ? actual : null);
        model.put("reimbursableTotal", reported ? payable : null);
        boolean settled = variables.containsKey("reimbursedTotal");
        BigDecimal penalty = Reimbursement.yuan(variables.get("penaltyAmount"));
        model.put("penalty", settled && penalty.signum() > 0 ? penalty : null);
        model.put("penaltyReason", variables.get("penaltyReason"));
        model.put("paid", settled ? Reimbursement.yuan(variables.get("reimbursedTotal")) : null);
        model.put("hours", variables.get("creditedHours"));
        model.put("id", processInstanceId);
        return model;
    }
}
