package cn.shapotou.litigation.identity;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_OFFICE;
import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;

import cn.shapotou.litigation.units.UnitDirectory;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/** Who may do what beyond their own tasks (README「运行」,「接口」). */
public final class Roles {

    /** The engine's administrator group (camunda-admin), which deadlines.DueDateGuard names through the engine too. */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;

    /** The district office registers every complaint copy (Art. 10 ¶1); the Justice Bureau coordinates all (Art. 3). */
    public static final Set<String> CASE_REGISTRARS = Set.of(DISTRICT_OFFICE, JUSTICE_BUREAU, ADMIN);

    /** The Justice Bureau supervises every case (Art. 3); administrators operate the system. */
    public static final Set<String> SUPERVISORS = Set.of(JUSTICE_BUREAU, ADMIN);

    /** Who reads the annual report (Art. 19, 20): the Justice Bureau, the district leaders, the administrators. */
    public static final Set<String> REPORT_READERS = Set.of(JUSTICE_BUREAU, UnitDirectory.DISTRICT_LEADERS, ADMIN);

    private Roles() {}

    public static boolean any(Collection<String> groups, Set<String> role) {
        return groups.stream().anyMatch(role::contains);
    }
}
