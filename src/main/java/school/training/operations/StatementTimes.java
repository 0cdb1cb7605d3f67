package school.training.operations;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the database spent on each SQL text since the app started (or since the last reset): the
 * statements a slow page waits on, summed over every time they ran. Kept with {@link SqlCounters}
 * (so off unless {@code training.operations.count-sql=true}) and read at {@code /actuator/sqlstatements}:
 * a benchmark or an admin puts a school under load, then asks which statements to index or rewrite.
 * Times are of the execute call (H2 and PostgreSQL's driver read the rows then), not of reading the result.
 */
public class StatementTimes {

    /** Distinct texts kept; a school's app has a few hundred, and texts with literals in them must not grow it without end. */
    static final int MOST_TEXTS = 5_000;
    static final String OTHERS = "(other statements)";

    private final Map<String, Times> bySql = new ConcurrentHashMap<>();

    /** One SQL text: how often it ran and for how long in all. */
    public record Row(String sql, long executions, double totalMillis, double meanMillis) {
    }

    private static final class Times {
        final LongAdder executions = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    /** The texts that took longest in all, longest first. */
    public List<Row> slowest(int most) {
        return bySql.entrySet().stream().map(e -> {
            long executions = e.getValue().executions.sum();
            double millis = e.getValue().nanos.sum() / 1e6;
            return new Row(e.getKey(), executions, millis, executions == 0 ? 0 : millis / executions);
        }).sorted(Comparator.comparingDouble(Row::totalMillis).reversed()).limit(Math.max(0, most)).toList();
    }

    public void reset() {
        bySql.clear();
    }

    void record(String sql, long nanos) {
        String key = sql == null ? OTHERS : sql.strip();
        Times times = bySql.get(key);
        if (times == null) {
            times = bySql.size() < MOST_TEXTS ? bySql.computeIfAbsent(key, k -> new Times())
                    : bySql.computeIfAbsent(OTHERS, k -> new Times());
        }
        times.executions.increment();
        times.nanos.add(nanos);
    }

    /** The statement, timing each execute; a plain statement's text is the one it executes. */
    Statement timed(Statement statement, String preparedSql) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, method, args) -> {
            boolean execute = method.getName().startsWith("execute");
            long start = execute ? System.nanoTime() : 0;
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (execute) {
                    String sql = preparedSql != null ? preparedSql
                            : args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                    record(sql, System.nanoTime() - start);
                }
            }
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] { type },
                handler);
    }
}
