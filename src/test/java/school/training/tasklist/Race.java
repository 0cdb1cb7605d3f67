package school.training.tasklist;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs two actions at the same moment (both threads wait at a barrier, then go), for race tests. */
public final class Race {

    private Race() {
    }

    /** The two results in the order given; an action that throws fails the race with its exception. */
    public static <T> List<T> of(Callable<T> first, Callable<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<T> a = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return first.call();
            });
            Future<T> b = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return second.call();
            });
            return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }
}
