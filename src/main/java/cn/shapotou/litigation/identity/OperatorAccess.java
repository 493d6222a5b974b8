package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.web.ApiErrorHandler;
import cn.shapotou.litigation.web.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot Actuator for operators: {@code /actuator/health} answers anyone (a load balancer has no login), every
 * other endpoint (metrics) only an administrator of the engine, by HTTP Basic or the webapps' session (README「生产环境」;
 * everything else needs a login).
 */
public class OperatorAccess extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityService identity;

    public OperatorAccess(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = groups(request);
        if (groups == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"litigation\", charset=\"UTF-8\"");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录");
        } else if (!groups.contains(Roles.ADMIN)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "运行指标只向系统管理员开放");
        } else {
            chain.doFilter(request, response);
        }
    }

    private List<String> groups(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] user = ApiAuthenticationFilter.decode(header.substring(6).trim());
            if (user != null && identity.checkPassword(user[0], user[1])) {
                return identity.createGroupQuery().groupMember(user[0]).list().stream().map(g -> g.getId()).toList();
            }
            return null;
        }
        return WebappSession.user(request).map(u -> u.getGroupIds()).orElse(null);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), ApiErrorHandler.body(List.of(new FieldError(null, message))));
    }
}
