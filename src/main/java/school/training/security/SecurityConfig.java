package school.training.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
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
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // Camunda's webapps protect themselves with their own XSRF cookie and header
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
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
