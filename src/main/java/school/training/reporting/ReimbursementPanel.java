package school.training.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.tasklist.RequestPanel;

/** The reimbursement statement on a report-back's page: the teacher sees approved, actual, paid and why. */
@Component
class ReimbursementPanel implements RequestPanel {

    record Line(String name, BigDecimal approved, BigDecimal actual, BigDecimal reimbursable) {
        public boolean capped() {
            return actual.compareTo(approved) > 0;
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
        if (!variables.containsKey("actualTotal")) {
            return null; // nothing spent reported yet
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal payable = BigDecimal.ZERO;
        for (var line : Reimbursement.LINES.entrySet()) {
            String[] names = line.getValue();
            BigDecimal a = Reimbursement.yuan(variables.get(names[0]));
            BigDecimal b = Reimbursement.yuan(variables.get(names[1]));
            BigDecimal c = Reimbursement.reimbursable(a, b);
            lines.add(new Line(line.getKey(), a, b, c));
            approved = approved.add(a);
            actual = actual.add(b);
            payable = payable.add(c);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("approvedTotal", approved);
        model.put("actualTotal", actual);
        model.put("reimbursableTotal", payable);
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
