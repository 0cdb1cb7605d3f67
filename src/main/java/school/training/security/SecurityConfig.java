package school.training.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import school.training.people.CamundaGroups;

@Configuration
class SecurityConfig {

    /** Camunda's engine API under {@code /engine-rest}. */
    private static final ApiRules REST_RULES = new ApiRules("/engine-rest");
    /** The same engine API as Camunda's webapps call it, with our login's session. */
    private static final ApiRules WEBAPP_RULES = new ApiRules("/camunda/api/engine/engine/{engine}");
    /** Camunda's own login form would check passwords past our throttle; with single sign-on nobody needs it. */
    private static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/{engine}/login/**";
    /** Login lockouts, the school's people and teaching groups: the office's and the admin's pages. */
    static final String[] OFFICE_OR_ADMIN_PAGES = { "/security/**", "/people", "/people/**", "/groups", "/groups/**" };
    static final String DEPUTY_PAGES = "/account/deputy/**";
    /** School-wide training-hours compliance (学时达标情况): the office's and the principal's. */
    static final String[] OFFICE_OR_PRINCIPAL_PAGES = { "/ledger/compliance", "/ledger/compliance.csv",
            "/ledger/compliance/**" };
    /** A teaching group's archives (教研组业务档案): its leader's, the principal's and the office's. */
    static final String[] ARCHIVE_GROUP_PAGES = { "/archive/group", "/archive/group.csv" };
    /** The term so far per teacher and group (听课与教研统计), and one person's records: leaders (own group), office, principal. */
    static final String[] OVERSIGHT_PAGES = { "/observations/group", "/observations/group.csv", "/observations/of/**" };
    /** Importing the hours lists of training platforms and the county bureau: the office's. */
    static final String[] OFFICE_PAGES = { "/ledger/import", "/ledger/import/**" };
    /** A teaching group's monthly lesson plans and their export: leaders (their own group), the principal, the office. */
    static final String[] LESSON_PLAN_GROUP_PAGES = { "/lesson-plans/group", "/lesson-plans/group.csv" };

    /**
     * Spring Boot's Actuator for a school's IT: a load balancer may ask {@code /actuator/health} (the bare status;
     * details only for the admin), everything else — info, metrics, Prometheus, the backup — is the admin's, with
     * HTTP Basic for scripts and scrapers, no session, no CSRF.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, ApiAnswers answers) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher(HttpMethod.GET, "/actuator/health"),
                                path.matcher(HttpMethod.GET, "/actuator/health/liveness"),
                                path.matcher(HttpMethod.GET, "/actuator/health/readiness"))
                        .permitAll()
                        .anyRequest().hasAuthority(ApiRules.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(answers.basicAuthentication()))
                .exceptionHandling(e -> e.accessDeniedHandler(answers.refused(request -> Optional.empty())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Camunda's REST API and our few endpoints for its clients ({@code /api/**}: uploading a file for a form's
     * file field): HTTP Basic with the same accounts (throttled like the login form), no session, no CSRF
     * (scripts, not browsers).
     */
    @Bean
    @Order(1)
    SecurityFilterChain restApi(HttpSecurity http, ApiAnswers answers) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .authorizeHttpRequests(auth -> {
                    REST_RULES.apply(auth);
                    auth.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(answers.basicAuthentication()))
                .exceptionHandling(e -> e.accessDeniedHandler(answers.refused(reasonOf(REST_RULES))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Logging out in Tasklist, Cockpit or Admin must end the one shared session, or single sign-on
     * would sign the person straight back in.
     */
    private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

    /** Our pages and Camunda's webapps: one form login, one session. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ApiAnswers answers, FirstAdministrator firstAdministrator)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher camunda = path.matcher("/camunda/**");
        RequestMatcher camundaLogin = path.matcher(CAMUNDA_LOGIN);
        RequestMatcher cockpit = path.matcher("/camunda/api/cockpit/**");
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(path.matcher("/css/**"), path.matcher("/js/**"), path.matcher("/img/**"),
                                    path.matcher("/webjars/**"),
                                    path.matcher("/favicon.ico"), path.matcher("/login"), path.matcher("/error"),
                                    path.matcher("/setup"))
                            .permitAll()
                            .requestMatchers(camundaLogin).denyAll()
                            .requestMatchers(cockpit).hasAnyAuthority(ApiRules.OFFICE, ApiRules.ADMIN)
                            .requestMatchers(java.util.Arrays.stream(OFFICE_OR_ADMIN_PAGES).map(path::matcher)
                                    .toArray(RequestMatcher[]::new))
                            .hasAnyAuthority(ApiRules.OFFICE, ApiRules.ADMIN)
                            .requestMatchers(java.util.Arrays.stream(OFFICE_OR_PRINCIPAL_PAGES).map(path::matcher)
                                    .toArray(RequestMatcher[]::new))
                            .hasAnyAuthority(ApiRules.OFFICE, "GROUP_" + CamundaGroups.PRINCIPAL)
                            .requestMatchers(java.util.Arrays.stream(OFFICE_PAGES).map(path::matcher)
                                    .toArray(RequestMatcher[]::new))
                            .hasAnyAuthority(ApiRules.OFFICE)
                            .requestMatchers(java.util.stream.Stream.of(LESSON_PLAN_GROUP_PAGES, ARCHIVE_GROUP_PAGES, OVERSIGHT_PAGES)
                                    .flatMap(java.util.Arrays::stream).map(path::matcher)
                                    .toArray(RequestMatcher[]::new))
                            .hasAnyAuthority("GROUP_" + CamundaGroups.GROUP_LEADERS, "GROUP_" + CamundaGroups.PRINCIPAL,
                                    ApiRules.OFFICE)
                            // 代理人设置: those who approve, and the office and admin for them
                            .requestMatchers(path.matcher(DEPUTY_PAGES))
                            .hasAnyAuthority("GROUP_" + CamundaGroups.GROUP_LEADERS, "GROUP_" + CamundaGroups.PRINCIPAL,
                                    ApiRules.OFFICE, ApiRules.ADMIN);
                    WEBAPP_RULES.apply(auth);
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(answers.formLoginFailure()).permitAll())
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"),
                                path.matcher(HttpMethod.POST, CAMUNDA_LOGOUT)))
                        // Camunda's webapps log out with an XHR and want a plain answer; our pages go to the login
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT),
                                path.matcher(HttpMethod.POST, CAMUNDA_LOGOUT))
                        .defaultLogoutSuccessHandlerFor(new SimpleUrlLogoutSuccessHandler() {
                            {
                                setDefaultTargetUrl("/login?logout");
                            }
                        }, path.matcher(HttpMethod.POST, "/logout"))
                        .permitAll())
                // Camunda's webapps call their API with XHR: answer 401 there, not a redirect to an HTML page,
                // and a refusal with its reason
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(path))
                        .defaultAccessDeniedHandlerFor(answers.refused(request -> camundaLogin.matches(request)
                                ? Optional.of("security.refused.webappLogin")
                                : cockpit.matches(request) ? Optional.of(ApiRules.Reason.STATISTICS.messageKey)
                                : reasonOf(WEBAPP_RULES).apply(request)), path.matcher("/camunda/api/**")))
                // first run: while the school has no administrator, the login page sends people to /setup
                .addFilterBefore(new FirstRunRedirect(firstAdministrator, path.matcher(HttpMethod.GET, "/login")),
                        UsernamePasswordAuthenticationFilter.class)
                // Camunda's webapps protect themselves with their own XSRF cookie and header
                .csrf(csrf -> csrf.ignoringRequestMatchers(camunda))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        // Camunda's webapps send their own policy (HeaderSecurityFilter, with nonces); ours is for our pages
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camunda),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** {@code GET /login} answers with a redirect to {@code /setup} while the first administrator is missing. */
    static final class FirstRunRedirect extends OncePerRequestFilter {
        private final FirstAdministrator firstAdministrator;
        private final RequestMatcher login;

        FirstRunRedirect(FirstAdministrator firstAdministrator, RequestMatcher login) {
            this.firstAdministrator = firstAdministrator;
            this.login = login;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (login.matches(request) && firstAdministrator.open()) {
                response.sendRedirect(request.getContextPath() + "/setup");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Our pages load scripts, styles and images from this app only and have no inline script or style;
     * forms post only back here; nobody else may frame them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static Function<HttpServletRequest, Optional<String>> reasonOf(ApiRules rules) {
        return request -> rules.reasonFor(request).map(reason -> reason.messageKey);
    }

    private static AuthenticationEntryPoint entryPoint(PathPatternRequestMatcher.Builder path) {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(path.matcher("/camunda/api/**"), new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }

    /**
     * Lets the REST API run as the person Spring Security authenticated, so Camunda authorizations
     * apply. Spring wraps the request, so the container-based provider sees that person.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("camunda-rest-authentication");
        return registration;
    }

    /** Ahead of Spring Security: keeps the body of a group-list query so {@link ApiRules} can read it. */
    @Bean
    FilterRegistrationBean<GroupQueryBodies> groupQueryBodies() {
        var registration = new FilterRegistrationBean<>(new GroupQueryBodies());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("group-query-bodies");
        return registration;
    }

    /** Single sign-on into Camunda's Tasklist, Cockpit and Admin from our login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("camunda-webapp-sso");
        return registration;
    }
}
