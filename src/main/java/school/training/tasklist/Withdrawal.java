package school.training.tasklist;

import java.util.List;

/** A process that lets the applicant take a request back while nobody has decided on it yet. */
public interface Withdrawal {

    String processKey();

    boolean canWithdraw(String processInstanceId, String userId);

    void withdraw(String processInstanceId, String userId);

    /**
     * Whether a page offers this user to withdraw this request (its button): only the applicant withdraws, so anyone
     * else is told no without asking the engine (its checks cost a page four statements); a request the read model
     * has no applicant for is left to the process's own check.
     */
    static boolean offered(List<Withdrawal> withdrawals, RequestSummary request, CurrentUser user) {
        if (request.applicant() != null && !request.applicant().equals(user.id())) {
            return false;
        }
        return withdrawals.stream().anyMatch(w -> w.processKey().equals(request.processKey())
                && w.canWithdraw(request.id(), user.id()));
    }
}
