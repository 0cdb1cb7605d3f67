package school.training.web;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Each page a person opens (a GET of ours) is read in one database transaction: the engine's queries and ours
 * join it, so a page takes one connection and commits once instead of once per query, and a person or a request
 * read twice while making the page is read from the transaction's persistence context the second time. Forms
 * sent (POST) keep their own transactions: a refused decision there must not roll back what the page recorded.
 * Camunda's REST API, its webapps, the actuator and static files are not pages.
 */
@Configuration
class OnePageOneTransaction {

    private static final List<String> NOT_PAGES = List.of("/engine-rest/", "/api/", "/actuator/", "/camunda/",
            "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico", "/error");

    private static final Logger log = LoggerFactory.getLogger(OnePageOneTransaction.class);

    /** After Spring Security and the request's log context: only a signed-in person's page opens a transaction. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> onePageOneTransactionFilter(PlatformTransactionManager transactions) {
        TransactionTemplate page = new TransactionTemplate(transactions);
        OncePerRequestFilter filter = new OncePerRequestFilter() {

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                        || request.getUserPrincipal() == null || NOT_PAGES.stream().anyMatch(path::startsWith);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    page.executeWithoutResult(status -> {
                        try {
                            chain.doFilter(request, response);
                        } catch (IOException | ServletException e) {
                            throw new PageFailed(e);
                        }
                    });
                } catch (PageFailed e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw (ServletException) e.getCause();
                } catch (UnexpectedRollbackException e) {
                    // a query inside failed and the page handled it (a 404 for a request that is not there): the page
                    // is already answered and wrote nothing worth keeping
                    log.debug("Page {} read in a transaction that was rolled back", request.getRequestURI(), e);
                }
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setName("one-page-one-transaction");
        return registration;
    }

    /** Carries a filter chain's checked exception out of the transaction's callback. */
    private static final class PageFailed extends RuntimeException {
        PageFailed(Exception cause) {
            super(cause);
        }
    }
}
