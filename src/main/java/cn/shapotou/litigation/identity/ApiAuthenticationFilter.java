package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.web.ApiErrorHandler;
import cn.shapotou.litigation.web.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} needs a login (README「接口」): HTTP Basic against the engine's users, or the session of the Camunda
 * webapps. A session request that changes something must carry the webapps' CSRF token, as the webapps' own API does.
 * The user and groups are set on the engine, so its authorization checks apply to whatever the request does.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityService identity;

    public ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = null;
        List<String> groups = null;
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decode(header.substring(6).trim());
            if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
                userId = credentials[0];
                groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            }
        } else {
            UserAuthentication session = WebappSession.user(request).orElse(null);
            if (session != null) {
                if (!safe(request.getMethod()) && !csrfTokenMatches(request)) {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, "缺少或错误的 CSRF 令牌（X-XSRF-TOKEN）");
                    return;
                }
                userId = session.getIdentityId();
                groups = session.getGroupIds();
            }
        }
        if (userId == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"litigation\", charset=\"UTF-8\"");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录（用户名和密码不正确或未提供）");
            return;
        }
        identity.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static boolean csrfTokenMatches(HttpServletRequest request) {
        Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && expected.equals(given);
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** user and password of an HTTP Basic header value, or null when it is not valid Base64 of "user:password". */
    static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), ApiErrorHandler.body(List.of(new FieldError(null, message))));
    }
}
