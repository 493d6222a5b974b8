package cn.shapotou.litigation.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged in to the Camunda webapps in this browser session, if anyone (one login for the webapps and ours). */
public final class WebappSession {

    static final String ENGINE = "default";

    private WebappSession() {}

    public static Optional<UserAuthentication> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null) {
            return Optional.empty();
        }
        Authentication auth = auths.getAuthenticationForProcessEngine(ENGINE);
        return auth instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
    }
}
