package school.training.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the request's id into the logging context (MDC key {@value #REQUEST}, shown by
 * {@code logging.pattern.level}) for every line written while the request is served, Spring Security's own
 * (a wrong password, a throttled login) included, and answers the id in {@code X-Request-Id} so a person's
 * report ("it failed at 10:42, id 3f9c…") leads to the lines. A proxy's or client's own id is kept when it is a
 * short plain token; anything else (too long, spaces, line breaks that could forge log lines) is replaced by a
 * fresh one. Runs ahead of Spring Security; {@link SignedIn} adds the person once security knows them.
 */
class RequestLogContext extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST = "request";
    static final String USER = "user";
    static final String NOBODY = "-";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RequestLogContext.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        MDC.put(REQUEST, id);
        MDC.put(USER, NOBODY);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            log.debug("{} {} -> {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            MDC.remove(REQUEST);
            MDC.remove(USER);
        }
    }

    static String idOf(String sent) {
        return sent != null && SANE_ID.matcher(sent).matches() ? sent
                : UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String user(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? NOBODY : authentication.getName();
    }

    /**
     * Right behind Spring Security's filters: the person is known here for a session, a form login and HTTP Basic
     * alike, and everything behind (our pages, Camunda's REST API and webapps, Actuator) logs with their login.
     */
    static final class SignedIn extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            MDC.put(USER, user(SecurityContextHolder.getContext().getAuthentication()));
            chain.doFilter(request, response);
        }
    }
}
