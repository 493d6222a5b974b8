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
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's views of the whole district — its own API and the engine's statistics — answer only who may open Cockpit
 * (the Justice Bureau and the administrators, README「运行」). The engine counts every instance of a process
 * for whoever may read its definition, and every unit reads the definition of {@code supervision} to reply to its
 * 督办 (identity.IdentitySeeder): without this, a township would learn how many 督办 the district has and where each
 * stands (《办法》第三条 makes supervising them the Justice Bureau's work). Lists are not concerned: the engine filters
 * them instance by instance.
 */
public class MonitoringAccess extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** After /engine-rest or /camunda/api/engine/engine/{engine}: statistics of instances, runtime and history. */
    private static final Pattern STATISTICS = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/history)?/(process|decision|decision-requirements)"
                    + "-definition/.*statistics.*");
    private static final Pattern COCKPIT_API = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/[^/]+/.*");

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public MonitoringAccess(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    static boolean concerns(String path) {
        return STATISTICS.matcher(path).matches() || COCKPIT_API.matcher(path).matches()
                && !path.contains("/static/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // As the servlet behind sees it: decoded, without path parameters or doubled slashes.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!concerns(path)) {
            chain.doFilter(request, response);
            return;
        }
        String userId = null;
        List<String> groups = null;
        String header = request.getHeader("Authorization");
        if (path.startsWith("/engine-rest")) {
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] user = ApiAuthenticationFilter.decode(header.substring(6).trim());
                if (user != null && identity.checkPassword(user[0], user[1])) {
                    userId = user[0];
                    groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                            .toList();
                }
            }
        } else {
            UserAuthentication session = WebappSession.user(request).orElse(null);
            if (session != null) {
                userId = session.getIdentityId();
                groups = session.getGroupIds();
            }
        }
        // Nobody logged in: the engine's or the webapps' own authentication answers 401 as before.
        if (userId == null || authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), ApiErrorHandler.body(List.of(new FieldError(null,
                "全区流程的统计与监控（Cockpit）只向区司法局和系统管理员开放"))));
    }
}
