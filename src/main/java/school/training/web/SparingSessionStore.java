package school.training.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions kept in the database (profile {@code postgres}, Spring Session JDBC, so that two nodes share them) cost
 * every page request four statements besides its own: the session read, its last access written back, and, once the
 * response has been sent early (a redirect, a page longer than the buffer), a second read when Spring Session saves
 * it again at the end of the request (spring-session#1731). A teacher's approval through our pages paid 33 of them,
 * a third of what the whole approval costs through {@code /engine-rest} (bench/lifecycle, issue 12).
 * <p>
 * Here the same store is asked less: the last access is written when it has moved by
 * {@code training.sessions.last-access-every} (a minute; a session lasts {@code server.servlet.session.timeout}, 8
 * hours, so it may end up to a minute early), a session nothing changed is not saved at all, and the session this
 * request has just saved is the answer when the same request asks for it again. Attributes and logins are stored
 * as before, at once, for every node to see.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SparingSessionStore {

    static final String LAST_ACCESS_EVERY = "training.sessions.last-access-every";

    /** Replaces Spring Session's filter, when the sessions are in the database, by one that asks the store less. */
    @Bean
    static BeanPostProcessor sparingSessionFilter(ObjectProvider<JdbcIndexedSessionRepository> store,
            ObjectProvider<CookieSerializer> cookies, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>) || bean instanceof SessionFilter) {
                    return bean;
                }
                Duration every = environment.getProperty(LAST_ACCESS_EVERY, Duration.class, Duration.ofMinutes(1));
                SessionFilter filter = new SessionFilter(new Sessions(store.getObject(), every));
                // the cookie as Spring Boot configured it (server.servlet.session.cookie.*), as Spring Session's own
                CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
                cookies.ifAvailable(resolver::setCookieSerializer);
                filter.setHttpSessionIdResolver(resolver);
                return filter;
            }
        };
    }

    /** Spring Session's filter that forgets, when the request ends, the session it saved during it. */
    static final class SessionFilter extends SessionRepositoryFilter<Held> {

        private final Sessions sessions;

        SessionFilter(Sessions sessions) {
            super(sessions);
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            sessions.forget();
            try {
                super.doFilterInternal(request, response, chain);
            } finally {
                sessions.forget();
            }
        }
    }

    /** The database's sessions, asked only when something changed or was not known in this request yet. */
    static final class Sessions implements SessionRepository<Held> {

        private final SessionRepository<Session> store;
        private final Duration lastAccessEvery;
        /** The session this request saved (the filter clears it when the request ends). */
        private final ThreadLocal<Held> saved = new ThreadLocal<>();

        @SuppressWarnings({ "unchecked", "rawtypes" })
        Sessions(SessionRepository<? extends Session> store, Duration lastAccessEvery) {
            this.store = (SessionRepository) store;
            this.lastAccessEvery = lastAccessEvery;
        }

        @Override
        public Held createSession() {
            return new Held(store.createSession(), lastAccessEvery, true);
        }

        @Override
        public void save(Held session) {
            if (session.changed) {
                store.save(session.stored);
                session.changed = false;
            }
            saved.set(session);
        }

        @Override
        public Held findById(String id) {
            Held same = saved.get();
            if (same != null && same.getId().equals(id) && !same.isExpired()) {
                return same;
            }
            Session stored = store.findById(id);
            return stored == null ? null : new Held(stored, lastAccessEvery, false);
        }

        @Override
        public void deleteById(String id) {
            forget();
            store.deleteById(id);
        }

        void forget() {
            saved.remove();
        }
    }

    /** A stored session that knows whether it needs saving, and moves its last access only by the given step. */
    static final class Held implements Session {

        private final Session stored;
        private final Duration lastAccessEvery;
        private boolean changed;

        Held(Session stored, Duration lastAccessEvery, boolean changed) {
            this.stored = stored;
            this.lastAccessEvery = lastAccessEvery;
            this.changed = changed;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            if (stored.getAttribute(name) != null) {
                changed = true;
            }
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (Duration.between(stored.getLastAccessedTime(), time).compareTo(lastAccessEvery) >= 0) {
                changed = true;
                stored.setLastAccessedTime(time);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
