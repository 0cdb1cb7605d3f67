package school.training.operations;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * {@code GET /actuator/sqlstatements?most=30}: the SQL texts that took longest in all since the start or the last
 * {@code DELETE}, for the admin (the actuator's chain) when {@code training.operations.count-sql=true}.
 */
@Endpoint(id = "sqlstatements")
class SqlStatementsEndpoint {

    private final StatementTimes times;

    SqlStatementsEndpoint(StatementTimes times) {
        this.times = times;
    }

    @ReadOperation
    List<StatementTimes.Row> slowest(@Nullable Integer most) {
        return times.slowest(most == null ? 30 : most);
    }

    /** Starts counting afresh (before a measured run). */
    @DeleteOperation
    void reset() {
        times.reset();
    }
}
