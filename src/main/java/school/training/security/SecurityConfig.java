package school.training.security;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration
class SecurityConfig {

    /** Camunda's REST API: HTTP Basic with the same accounts, no session, no CSRF (scripts, not browsers). */
    @Bean
    @Order(1)
    SecurityFilterChain restApi(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
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
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/css/**"), path.matcher("/js/**"), path.matcher("/img/**"),
                                path.matcher("/favicon.ico"), path.matcher("/login"), path.matcher("/error"))
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
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
                // Camunda's webapps call their API with XHR: answer 401 there, not a redirect to an HTML page
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(path)))
                // Camunda's webapps protect themselves with their own XSRF cookie and header
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
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
