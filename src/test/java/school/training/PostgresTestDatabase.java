package school.training;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dtraining.test.postgres=jdbc:postgresql://host:port/} (the Maven profile {@code postgres}, run by
 * {@code .ci/run}) each Spring context of the tests gets a new, empty PostgreSQL database of its own — as each
 * gets a private in-memory H2 database otherwise — with sessions in it as under the profile {@code postgres}.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

    static final String SERVER = "training.test.postgres";
    /** Set by a test that starts a context on a database of its own choosing (backups: the restored one). */
    public static final String OWN_DATABASE = "training.test.own-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String server = System.getProperty(SERVER);
        if (server == null || server.isBlank() || environment.containsProperty(OWN_DATABASE)) {
            return;
        }
        String user = System.getProperty(SERVER + ".user", "training");
        String password = System.getProperty(SERVER + ".password", "training");
        String database = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + server, e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", server + database,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                // what the profile "postgres" sets besides the database (too late to activate it here)
                "spring.autoconfigure.exclude", "",
                // Spring keeps the contexts of earlier test classes; their pools give their connections back 10 s
                // after use instead of holding ten each, so the server's 100 slots last the whole run
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000")));
    }
}
