package school.training.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A settled report-back's reimbursement as the finance office reads it (报销单): per budget line what was
 * approved, spent and may be paid under "超支不补", the penalty the office deducted and why, what was paid,
 * who settled it and when. Made by {@link Reimbursement#statement} from the request's records with the
 * very rules that computed the amounts in the process.
 */
public record ReimbursementStatement(String reportBackId, String tripId, String title, String approvalNumber,
        String location, String startDate, String endDate, List<Line> lines, BigDecimal approvedTotal,
        BigDecimal actualTotal, BigDecimal reimbursableTotal, BigDecimal penalty, String penaltyReason,
        BigDecimal paid, String notes, String settledBy, Instant settledAt) {

    /** One budget line; {@code name} is Transport, Lodging, Fees or Other (message reporting.reimbursement.name). */
    public record Line(String name, BigDecimal approved, BigDecimal actual, BigDecimal reimbursable) {

        /** Spent more than approved: the overspend is not refunded. */
        public boolean capped() {
            return actual.compareTo(approved) > 0;
        }
    }

    public boolean hasPenalty() {
        return penalty.signum() > 0;
    }
}
