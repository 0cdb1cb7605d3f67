package school.training.operations;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the database is asked, as three counters under {@code /actuator/metrics}: SQL statements (every one
 * prepared or created, the engine's and the app's alike), connections taken from the pool (each page request,
 * each engine command outside a page's transaction) and commits. Off unless
 * {@code training.operations.count-sql=true}: it is for the benchmark in {@code bench/lifecycle}, which compares
 * what one request's approval costs through our pages and through {@code /engine-rest}, and for an admin
 * looking into a slow school.
 */
class SqlCounters implements BeanPostProcessor, MeterBinder {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final StatementTimes times = new StatementTimes();

    /** How long each SQL text took (see {@link StatementTimes}). */
    StatementTimes times() {
        return times;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counted)) {
            return new Counted(dataSource);
        }
        return bean;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("training.sql.statements", statements, AtomicLong::get)
                .description("SQL statements sent to the database").register(registry);
        FunctionCounter.builder("training.sql.connections", connections, AtomicLong::get)
                .description("connections taken from the pool").register(registry);
        FunctionCounter.builder("training.sql.commits", commits, AtomicLong::get)
                .description("transactions committed (auto-commit statements not included)").register(registry);
    }

    private final class Counted extends DelegatingDataSource {

        Counted(DataSource target) {
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

        private Connection counted(Connection connection) {
            connections.incrementAndGet();
            InvocationHandler handler = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "commit" -> commits.incrementAndGet();
                    default -> {
                    }
                }
                Object result;
                try {
                    result = method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof Statement statement) {
                    // prepareStatement, prepareCall (their first argument is the SQL) or createStatement
                    statements.incrementAndGet();
                    return times.timed(statement, method.getName().startsWith("prepare") ? (String) args[0] : null);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, handler);
        }
    }
}
