package school.training.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import school.training.people.CamundaGroups;

/**
 * Rules on Camunda's engine API that hold for every client, one instance per way in: {@code /engine-rest}
 * (scripts, HTTP Basic) and {@code /camunda/api/engine/engine/{engine}} (Camunda's webapps, our login).
 * <ul>
 * <li>Jobs and job definitions: only the admin may execute, retry, suspend or change them (reading and
 * querying stay open; Camunda's authorizations decide what each person sees).</li>
 * <li>Engine metrics and process statistics: only the office and the admin.</li>
 * <li>The user and group lists: only the office and the admin. Camunda's webapps still look up one user
 * by id (Tasklist checks an assignee that way) and the person's own groups (their profile page).</li>
 * </ul>
 */
final class ApiRules {

    static final String ADMIN = "GROUP_" + CamundaGroups.ADMIN;
    static final String OFFICE = "GROUP_" + CamundaGroups.OFFICE;

    /** Why a request was refused; the message key of the reason the API gives. */
    enum Reason {
        JOBS("security.refused.jobs"), STATISTICS("security.refused.statistics"),
        IDENTITY_LISTS("security.refused.identityLists");

        final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private static final Set<String> READING = Set.of("GET", "HEAD");
    private static final Set<String> ONE_USER_PARAMETERS = Set.of("id", "maxResults", "firstResult");
    private static final Set<String> PAGING_PARAMETERS = Set.of("maxResults", "firstResult");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OWN_GROUPS_PARAMETERS = Set.of("member", "maxResults", "firstResult", "sortBy",
            "sortOrder");

    private final RequestMatcher jobQueries;
    private final RequestMatcher jobCommands;
    private final RequestMatcher statistics;
    private final RequestMatcher userLists;
    private final RequestMatcher groupLists;

    /** @param root the engine API's path, e.g. {@code /engine-rest} */
    ApiRules(String root) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        // these POSTs are queries with a body: they change nothing
        jobQueries = new OrRequestMatcher(path.matcher(HttpMethod.POST, root + "/job"),
                path.matcher(HttpMethod.POST, root + "/job/count"),
                path.matcher(HttpMethod.POST, root + "/job-definition"),
                path.matcher(HttpMethod.POST, root + "/job-definition/count"));
        jobCommands = new AndRequestMatcher(request -> !READING.contains(request.getMethod()),
                new OrRequestMatcher(path.matcher(root + "/job/**"), path.matcher(root + "/job-definition/**")));
        statistics = new OrRequestMatcher(path.matcher(root + "/metrics/**"),
                path.matcher(root + "/process-definition/statistics"),
                path.matcher(root + "/process-definition/{id}/statistics"),
                path.matcher(root + "/process-definition/key/{key}/statistics"),
                path.matcher(root + "/process-definition/key/{key}/tenant-id/{tenantId}/statistics"),
                path.matcher(root + "/history/process-definition/{id}/statistics"));
        userLists = new OrRequestMatcher(path.matcher(root + "/user"), path.matcher(root + "/user/count"));
        groupLists = new OrRequestMatcher(path.matcher(root + "/group"), path.matcher(root + "/group/count"));
    }

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(jobQueries).authenticated()
                .requestMatchers(jobCommands).hasAuthority(ADMIN)
                .requestMatchers(statistics).hasAnyAuthority(OFFICE, ADMIN)
                .requestMatchers(userLists).access(officeAdminOr(ApiRules::lookupOfOneUser))
                .requestMatchers(groupLists).access(officeAdminOr(ApiRules::ownGroups));
    }

    /** The reason to give when this request was refused, if one of these rules refused it. */
    Optional<Reason> reasonFor(HttpServletRequest request) {
        if (jobQueries.matches(request)) {
            return Optional.empty();
        }
        if (jobCommands.matches(request)) {
            return Optional.of(Reason.JOBS);
        }
        if (statistics.matches(request)) {
            return Optional.of(Reason.STATISTICS);
        }
        if (userLists.matches(request) || groupLists.matches(request)) {
            return Optional.of(Reason.IDENTITY_LISTS);
        }
        return Optional.empty();
    }

    private static AuthorizationManager<RequestAuthorizationContext> officeAdminOr(
            BiPredicate<Authentication, HttpServletRequest> exception) {
        return (authentication, context) -> {
            Authentication who = authentication.get();
            if (who == null || !who.isAuthenticated() || who.getName() == null) {
                return new AuthorizationDecision(false);
            }
            boolean officeOrAdmin = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a.equals(OFFICE) || a.equals(ADMIN));
            return new AuthorizationDecision(officeOrAdmin || exception.test(who, context.getRequest()));
        };
    }

    /** One user looked up by id (what Tasklist does to check an assignee): no more than their profile shows. */
    private static boolean lookupOfOneUser(Authentication who, HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        String[] id = parameters.get("id");
        return READING.contains(request.getMethod()) && ONE_USER_PARAMETERS.containsAll(parameters.keySet())
                && id != null && id.length == 1 && !id[0].isBlank();
    }

    /**
     * The person's own groups (Camunda's profile page): {@code GET /group/count?member=me}, and
     * {@code POST /group} with the query {@code {"member": "me", ...}} in the body (kept by {@link GroupQueryBodies}).
     */
    private static boolean ownGroups(Authentication who, HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        if (READING.contains(request.getMethod())) {
            String[] member = parameters.get("member");
            return OWN_GROUPS_PARAMETERS.containsAll(parameters.keySet()) && member != null && member.length == 1
                    && member[0].equals(who.getName());
        }
        if (!"POST".equals(request.getMethod()) || !PAGING_PARAMETERS.containsAll(parameters.keySet())
                || !(request.getAttribute(GroupQueryBodies.BODY) instanceof byte[] body)) {
            return false;
        }
        try {
            Map<String, Object> query = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
            return OWN_GROUPS_PARAMETERS.containsAll(query.keySet()) && who.getName().equals(query.get("member"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
