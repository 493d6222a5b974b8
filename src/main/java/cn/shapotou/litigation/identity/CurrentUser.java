package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.web.ApiException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who is calling {@code /api} (set by {@link ApiAuthenticationFilter}), and whether they have a role. */
@Component
public class CurrentUser {

    private final IdentityService identity;

    public CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        EngineCaller auth = EngineCaller.current(identity);
        return auth == null ? null : auth.userId();
    }

    public List<String> groups() {
        EngineCaller auth = EngineCaller.current(identity);
        return auth == null || auth.groupIds() == null ? List.of() : auth.groupIds();
    }

    public boolean in(Set<String> role) {
        return Roles.any(groups(), role);
    }

    /** Work on the whole system (backups, migrations, the holiday calendar) is the system administrators' alone. */
    public void requireAdmin(String refusal) {
        if (!groups().contains(Roles.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, refusal);
        }
    }
}
