package school.training.records;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many times this node has changed the request read model ({@link RequestOverview}): a number that moves
 * whenever a row is written, so a count worked out from those rows can be kept until it does. It moves when the
 * row is flushed and again when its transaction ends, so a count read between the two (from the rows as they
 * were before the commit) is not taken for a current one. Other nodes' changes do not move it: whoever keeps a
 * count by it keeps it a short while only.
 */
public final class OverviewChanges {

    private static final AtomicLong CHANGES = new AtomicLong();

    private OverviewChanges() {
    }

    /** The number of changes so far; a count worked out after reading it is current while it stays the same. */
    public static long now() {
        return CHANGES.get();
    }

    /** Called by {@link RequestOverview}'s entity callbacks. */
    static void noted() {
        CHANGES.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    CHANGES.incrementAndGet();
                }
            });
        }
    }
}
