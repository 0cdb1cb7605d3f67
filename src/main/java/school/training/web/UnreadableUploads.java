package school.training.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * A form posted to our pages that the container cannot read — over the hard size limits
 * ({@code spring.servlet.multipart.*}, {@code server.tomcat.max-http-form-post-size}, too many parts, a
 * part header too long) or with a file name Tomcat refuses (a NUL) — answers with our error page and
 * the reason, and nothing is saved.
 * <p>
 * Without this, Spring Security's CSRF filter asks for its token first, the parse fails inside that
 * call, and the person got a blank 413 (the error page itself tried to parse the request again), a
 * 403 for the token it could not find, or a 500. So the request is parsed here, after the character
 * encoding filter and before Spring Security. Only requests for our own pages (the dispatcher
 * servlet); Camunda's REST API and webapps read their requests themselves.
 * <p>
 * Sizes the person can fix stay below these limits on purpose: a file over the form's 10 MB or a
 * text over its {@code maxLength} is refused beside its field with everything else kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableUploads extends OncePerRequestFilter {

    /** Request attribute naming the message the error page shows. */
    static final String PROBLEM = "uploadProblem";
    static final String TOO_LARGE = "error.uploadTooLarge";
    static final String UNREADABLE = "error.uploadUnreadable";

    private static final Logger log = LoggerFactory.getLogger(UnreadableUploads.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping == null
                || !DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME.equals(mapping.getServletName());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // Tomcat parses once and keeps the parts for Spring Security and Spring MVC
            request.getParts();
        } catch (IllegalStateException | ServletException | InvalidFileNameException | IOException e) {
            refuse(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        boolean tooLarge = tooLarge(e);
        log.info("Refused an unreadable {} to {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        request.setAttribute(PROBLEM, tooLarge ? TOO_LARGE : UNREADABLE);
        // tells DispatcherServlet that multipart parsing failed, so the error page does not try again
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException("Unreadable upload", e));
        response.sendError(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
    }

    /** Over a size or count limit (Tomcat's size and part-count exceptions, or its maxPostSize message), not malformed. */
    static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException || cause instanceof FileCountLimitExceededException) {
                return true;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("exceed") && (message.contains("size") || message.contains("length"))) {
                return true;
            }
        }
        return false;
    }
}
