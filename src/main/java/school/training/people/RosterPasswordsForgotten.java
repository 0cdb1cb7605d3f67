package school.training.people;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The new people's initial passwords may be downloaded from the import's result page only: the first
 * request to any other page of ours (the office left the result page) drops them from the session, so
 * they do not sit there for the rest of an eight-hour session. Static files and error dispatches (a
 * browser's favicon request) do not count as leaving.
 */
@Configuration
class RosterPasswordsForgotten implements WebMvcConfigurer, HandlerInterceptor {

    private static final String DOWNLOAD = "/people/import/passwords.csv";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session != null && handler instanceof HandlerMethod && request.getDispatcherType() == DispatcherType.REQUEST
                && !DOWNLOAD.equals(path) && !"/error".equals(path)) {
            session.removeAttribute(RosterController.PASSWORDS);
        }
        return true;
    }
}
