package school.training.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The benchmark's counters count what a DataSource is asked: statements, connections taken, commits. */
class SqlCountersTests {

    @Test
    void everyStatementConnectionAndCommitIsCounted() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sqlcounters;DB_CLOSE_DELAY=-1");
        SqlCounters counters = new SqlCounters();
        DataSource counted = (DataSource) counters.postProcessAfterInitialization(h2, "dataSource");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        counters.bindTo(registry);

        try (Connection connection = counted.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute("create table t (id int)");
            }
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement insert = connection.prepareStatement("insert into t values (?)")) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
        try (Connection again = counted.getConnection()) {
            again.isValid(1); // no statement
        }

        assertThat(registry.get("training.sql.statements").functionCounter().count()).isEqualTo(4);
        assertThat(registry.get("training.sql.connections").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("training.sql.commits").functionCounter().count()).isEqualTo(1);
        // and how long each text took, by text: the three inserts are one row
        assertThat(new SqlStatementsEndpoint(counters.times()).slowest(null))
                .extracting(StatementTimes.Row::sql, StatementTimes.Row::executions)
                .containsExactlyInAnyOrder(tuple("insert into t values (?)", 3L), tuple("create table t (id int)", 1L));
        assertThat(counters.times().slowest(1)).hasSize(1).allSatisfy(row -> assertThat(row.totalMillis()).isPositive());
        counters.times().reset();
        assertThat(counters.times().slowest(10)).isEmpty();
        // wrapped once only, and other beans pass through
        assertThat(counters.postProcessAfterInitialization(counted, "dataSource")).isSameAs(counted);
        assertThat(counters.postProcessAfterInitialization("x", "other")).isEqualTo("x");
    }
}
