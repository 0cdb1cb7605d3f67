package school.training.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a refused request hears, with a reason in the person's language: the APIs answer JSON in
 * Camunda's error shape ({@code type}, {@code message}) — 403 with the rule that refused, 429 with
 * {@code Retry-After} for a throttled login, 401 otherwise; the login page says how long to wait.
 */
@Component
class ApiAnswers {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    ApiAnswers(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** 403 with the reason whose message key {@code reasons} finds for the request (a general one otherwise). */
    AccessDeniedHandler refused(Function<HttpServletRequest, Optional<String>> reasons) {
        return (request, response, denied) -> write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
                reasons.apply(request).orElse("security.refused"));
    }

    /** HTTP Basic: 429 while the client is throttled, else 401 asking for credentials. */
    AuthenticationEntryPoint basicAuthentication() {
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.seconds()));
                write(request, response, HttpStatus.TOO_MANY_REQUESTS, "LoginThrottled", "login.throttled.api",
                        throttled.seconds());
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"training-approvals\"");
                write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "security.unauthorized");
            }
        };
    }

    /** The login form: back to the login page, saying how long to wait when throttled. */
    AuthenticationFailureHandler formLoginFailure() {
        return (request, response, failure) -> redirects.sendRedirect(request, response,
                failure instanceof LoginThrottledException throttled ? "/login?throttled=" + throttled.seconds()
                        : failure instanceof org.springframework.security.authentication.DisabledException
                                ? "/login?disabled" : "/login?error");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String messageKey, Object... arguments) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", messages.getMessage(messageKey, arguments, locales.resolveLocale(request)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
