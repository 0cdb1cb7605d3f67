package school.training.tasklist;

/** A process that lets the applicant take a request back while nobody has decided on it yet. */
public interface Withdrawal {

    String processKey();

    boolean canWithdraw(String processInstanceId, String userId);

    void withdraw(String processInstanceId, String userId);
}
