package school.training.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import school.training.people.Directory;
import school.training.people.SignedInPerson;

/**
 * After the office made or reset someone's password, the first thing that person does is choose their
 * own: every page of ours sends them to {@code /account/password} until they have. (The temporary
 * password was seen by the office; nobody should keep working with it.)
 */
@Configuration
class OwnPasswordFirst implements WebMvcConfigurer, HandlerInterceptor {

    private final Directory directory;

    OwnPasswordFirst(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/account/password", "/login", "/logout", "/setup",
                "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (SignedInPerson.of(request, directory).filter(p -> p.mustChangePassword()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return false;
        }
        return true;
    }
}
