package school.training.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting on one PostgreSQL database start one after the other. Two nodes started at the same moment on
 * an empty database both found no Camunda tables and both created them: the second failed on "duplicate key …
 * pg_type_typname_nsp_index" and stopped (seen in TwoNodesTests before this lock). The engine has no lock of its
 * own for that; its {@code deployment.lock} covers deployments only, and the demo school, the first filter and the
 * admin user are check-then-insert as well.
 * <p>
 * So the first thing that touches the schema — Flyway ({@link SchemaMigrations}) or the engine's schema update
 * (this plugin, before the engine is built) — takes a PostgreSQL advisory lock on a connection of its own, and it
 * is let go when the node is ready (deployment and start-up runners done) or stops; a node that dies mid-start
 * lets go with its connection. Another node waits meanwhile, then finds everything made. Advisory locks belong to
 * one database, so schools in other databases on the same server do not wait for each other. H2 is one process's
 * file: nothing to do.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // let go after every other plugin's postProcessEngineBuild (the admin user)
class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any number the app uses for nothing else: "training" in ASCII. */
    static final long KEY = 0x747261696e696e67L;

    private final DataSource dataSource;
    private Connection held;
    private boolean done;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits until no other node is starting on this database; later calls return at once. */
    synchronized void hold() {
        if (held != null || done) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                done = true;
                return;
            }
            try (Statement statement = connection.createStatement()) {
                if (!locked(statement, "select pg_try_advisory_lock(" + KEY + ")")) {
                    log.info("Another node is starting on this database: waiting until it is ready");
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                    log.info("The other node is ready: starting");
                }
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock in the database", e);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        hold(); // before the engine creates or updates its tables
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void release() {
        done = true;
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Start-up lock not let go cleanly (it goes with the connection): {}", e.toString());
        } finally {
            held = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }

    private static boolean locked(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() && result.getBoolean(1);
        }
    }
}
