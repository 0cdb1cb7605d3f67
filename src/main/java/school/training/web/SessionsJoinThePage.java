package school.training.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions kept in the database (profile {@code postgres}, Spring Session JDBC) are read and written in the page's
 * transaction when there is one ({@link OnePageOneTransaction}), not in a new one of their own. A page longer than
 * the response buffer commits its response while it renders, and Spring Session saves the session right then: in a
 * transaction of its own that needs a second connection while the page holds its first. With as many pages
 * rendering at once as the pool has connections, every one of them waited for a second connection nobody could give
 * back: 32 users froze a node for the pool's 30-second timeout (bench/scale on PostgreSQL, 2026-12-02). Outside a
 * page (a form sent, a login) the session still gets a transaction of its own.
 */
@Configuration
class SessionsJoinThePage {

    /** The name Spring Session's JDBC configuration asks for (its qualifier); without it, it makes a REQUIRES_NEW one. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions); // PROPAGATION_REQUIRED: joins the page's, else a new one
    }
}
