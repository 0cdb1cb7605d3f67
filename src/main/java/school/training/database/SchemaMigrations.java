package school.training.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the migrations at start-up, and first recognises a database made before there were any: a school that
 * ran an earlier version has the app's tables as Hibernate's {@code ddl-auto: update} made them, which is
 * what {@code V1} creates, so such a database is baselined at version 1 and only the later scripts run.
 * <p>
 * Flyway's own {@code baseline-on-migrate} (at version 0, application.yml) covers the other non-empty
 * case: a new database in which the engine happened to create Camunda's tables first.
 */
@Component
class SchemaMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    /** A table every earlier version created at its first start. */
    static final String EARLIER_VERSIONS_TABLE = "request_record";

    private final StartupLock startupLock;

    SchemaMigrations(StartupLock startupLock) {
        this.startupLock = startupLock;
    }

    @Override
    public void migrate(Flyway flyway) {
        startupLock.hold(); // the check below and the baseline are not Flyway's locked migrate
        if (flyway.info().applied().length == 0 && hasTable(flyway.getConfiguration().getDataSource(),
                EARLIER_VERSIONS_TABLE)) {
            log.info("The database was made by a version before migrations: baselining it at version 1");
            Flyway.configure().configuration(flyway.getConfiguration()).baselineVersion("1")
                    .baselineDescription("tables made before migrations").load().baseline();
        }
        flyway.migrate();
    }

    private static boolean hasTable(DataSource dataSource, String name) {
        try (Connection connection = dataSource.getConnection()) {
            String schema = connection.getSchema();
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), schema, null,
                    new String[] { "TABLE" })) {
                while (tables.next()) {
                    if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's tables", e);
        }
    }
}
