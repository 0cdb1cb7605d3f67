package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.persistence.EntityManager;

import school.training.records.StepRecord;

/**
 * A school that ran the version before migrations (tables made by Hibernate's {@code ddl-auto: update}) starts this
 * one on its database: the database is baselined at V1, the later scripts run, Hibernate's validation passes and
 * yesterday's requests, steps and ledger are all there. The database is the demo school as that version
 * (commit 113fbc6) left it, saved with H2's {@code SCRIPT} as {@code database/made-before-migrations.sql.gz}.
 */
@SpringBootTest
@ActiveProfiles("test")
// earlier versions ran on H2 only; PostgreSQL databases start with the migrations
@DisabledIfSystemProperty(named = "training.test.postgres", matches = ".+")
class UpgradeFromEarlierVersionTests {

    @DynamicPropertySource
    static void yesterdaysDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = "jdbc:h2:mem:yesterday-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("runscript from 'classpath:database/made-before-migrations.sql.gz' compression gzip");
        }
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;

    @Test
    void yesterdaysDatabaseIsBaselinedAndUpgradedWithItsRecordsIntact() {
        List<String> history = jdbc.queryForList(
                "select \"version\" || ' ' || \"type\" || ' ' || \"success\" from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"",
                String.class);
        assertThat(history).containsExactly("1 BASELINE TRUE", "2 SQL TRUE", "3 SQL TRUE", "4 SQL TRUE", "5 SQL TRUE", "6 SQL TRUE",
                "7 SQL TRUE", "8 SQL TRUE", "9 SQL TRUE");

        // what the demo school had that day
        assertThat(jdbc.queryForObject("select count(*) from request_record", Integer.class)).isEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from step_record", Integer.class)).isEqualTo(37);
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Integer.class)).isEqualTo(45);
        // the steps' texts survived their change of column type and read back through the entity
        assertThat(entityManager.createQuery("select s from StepRecord s", StepRecord.class).getResultList())
                .hasSize(37).extracting(StepRecord::getProcessInstanceId).doesNotContainNull();
        assertThat(jdbc.queryForList("select values_json from step_record", String.class)).allMatch(v -> v.startsWith("{"));
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns"
                + " where table_name = 'STEP_RECORD' and column_name = 'VALUES_JSON'", String.class))
                .isEqualTo("CHARACTER VARYING");
        // and the new version's tables are there
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isZero();
        // every identity column hands out its ids from a cache of a thousand (V9), whichever script made its table
        assertThat(jdbc.queryForList("select identity_cache from information_schema.columns where is_identity = 'YES'",
                Long.class)).isNotEmpty().containsOnly(1000L);
    }

    @Test
    void aNewDatabaseRunsEveryScriptFromTheFirst() throws SQLException {
        String url = "jdbc:h2:mem:new-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepsItOpen = DriverManager.getConnection(url, "sa", "")) {
            Flyway flyway = Flyway.configure()
                    .dataSource(url, "sa", "").locations("classpath:db/migration/h2")
                    .baselineOnMigrate(true).baselineVersion("0").load();
            new SchemaMigrations(new StartupLock(flyway.getConfiguration().getDataSource())).migrate(flyway);
            assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion() + " " + m.getType())
                    .containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "9 SQL");
        }
    }
}
