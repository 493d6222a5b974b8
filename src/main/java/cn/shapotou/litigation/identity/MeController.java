package cn.shapotou.litigation.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in and whether they administer the system. Tasklist shows the due-date controls
 * only to administrators (litigation/due-dates.js); the engine refuses the change from anyone else anyway
 * (deadlines.DueDateGuard), this only keeps handlers from reaching for a control that would refuse them.
 */
@RestController
public class MeController {

    private final CurrentUser user;

    public MeController(CurrentUser user) {
        this.user = user;
    }

    @GetMapping("/api/me")
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("userId", user.id());
        me.put("admin", user.in(Set.of(Roles.ADMIN)));
        return me;
    }
}
