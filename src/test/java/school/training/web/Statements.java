package school.training.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements this thread sends, engine's and app's alike, for tests that guard how many
 * statements a page costs: the app's one DataSource is wrapped (for every test context alike, so they
 * stay one shared context), and counting happens only inside {@link #count}. Every statement prepared
 * or created on a connection counts once (MyBatis and Hibernate prepare one per execution).
 */
@Component
public class Statements implements BeanPostProcessor {

    private static final ThreadLocal<Tally> COUNTING = new ThreadLocal<>();

    /**
     * What a piece of work cost: statements sent, and connections taken from the pool (≈ transactions); {@code sql}
     * the statements' texts in order (one per statement prepared; a plain statement's text is not known here), and
     * {@code connectionOf} for each the connection it was sent on (1 for the first connection taken, and so on).
     */
    public record Cost<T>(T result, int statements, int connections, List<String> sql, List<Integer> connectionOf) {

        /** The connection the first statement containing all these pieces was sent on; 0 when none was sent. */
        public int connectionOf(String... pieces) {
            for (int i = 0; i < sql.size(); i++) {
                if (contains(i, pieces)) {
                    return connectionOf.get(i);
                }
            }
            return 0;
        }

        private boolean contains(int statement, String... pieces) {
            String text = sql.get(statement).replaceAll("\\s+", " ").toLowerCase();
            return java.util.Arrays.stream(pieces).allMatch(p -> text.contains(p.toLowerCase()));
        }

        /** How many of the statements sent contain all of these pieces of text (case-insensitive, spaces as one). */
        public long sent(String... pieces) {
            return java.util.stream.IntStream.range(0, sql.size()).filter(i -> contains(i, pieces)).count();
        }
    }

    private static final class Tally {
        int statements;
        int connections;
        final List<String> sql = new ArrayList<>();
        final List<Integer> connectionOf = new ArrayList<>();
    }

    public static <T> Cost<T> count(Callable<T> work) throws Exception {
        Tally previous = COUNTING.get();
        Tally tally = new Tally();
        COUNTING.set(tally);
        try {
            T result = work.call();
            return new Cost<>(result, tally.statements, tally.connections, List.copyOf(tally.sql),
                    List.copyOf(tally.connectionOf));
        } finally {
            COUNTING.set(previous);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            Tally taking = COUNTING.get();
            int number = 0;
            if (taking != null) {
                number = ++taking.connections;
            }
            int thisConnection = number;
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                    Tally counter = COUNTING.get();
                    if (counter != null) {
                        counter.statements++;
                        counter.sql.add(args != null && args.length > 0 && args[0] instanceof String text ? text : "");
                        counter.connectionOf.add(thisConnection);
                    }
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, handler);
        }
    }
}
