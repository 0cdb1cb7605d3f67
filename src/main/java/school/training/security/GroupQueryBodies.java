package school.training.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's profile page lists the person's own groups with a query in a POST body
 * ({@code POST /group} with {@code {"member": "li.na"}}). So that {@link ApiRules} can let exactly that
 * query through to someone who may not list groups, this filter, ahead of Spring Security, reads the body
 * of a group-list POST once (small bodies only) and hands Camunda a request that reads the same bytes.
 */
class GroupQueryBodies extends OncePerRequestFilter {

    /** Request attribute: the body bytes of a group-list POST, when it was small enough to keep. */
    static final String BODY = GroupQueryBodies.class.getName() + ".body";
    private static final int MAX_BYTES = 16 * 1024;

    private final RequestMatcher groupListPosts;

    GroupQueryBodies() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        groupListPosts = new OrRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/engine-rest/group"),
                path.matcher(org.springframework.http.HttpMethod.POST, "/camunda/api/engine/engine/{engine}/group"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !groupListPosts.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            // too long to be the profile page's query; left unread it cannot pass ApiRules either
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new RereadableRequest(request, body), response);
    }

    private static final class RereadableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        RereadableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
