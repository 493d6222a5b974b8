package cn.shapotou.litigation.casecore;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_LEADERS;
import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_OFFICE;
import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;
import static cn.shapotou.litigation.units.UnitDirectory.LEGAL_COUNSEL_OFFICE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.identity.Grants;
import cn.shapotou.litigation.identity.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who has a part in a case: the defendant, the acting unit, the lead and co-handling units, the district
 * office that receives and seals (Art. 10, 11), the district leaders who approve, the Legal Counsel Office whose
 * counsel helps (Art. 5), and the Justice Bureau that supervises all (Art. 3). They may read the case; others may not even learn it exists.
 */
@Component("caseAccess")
public class CaseAccess {

    /** The units that take part in every case (participants), so they see the whole register. */
    public static final Set<String> EVERY_CASE = Set.of(DISTRICT_OFFICE, DISTRICT_LEADERS, JUSTICE_BUREAU,
            LEGAL_COUNSEL_OFFICE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Grants grants;

    public CaseAccess(Grants grants) {
        this.grants = grants;
    }

    public static Set<String> participants(Map<String, ?> caseVariables) {
        // Art. 5: the Legal Counsel Office assigns a government counsel to every case, who helps prepare it.
        Set<String> units = new LinkedHashSet<>(List.of(DISTRICT_OFFICE, DISTRICT_LEADERS, JUSTICE_BUREAU,
                LEGAL_COUNSEL_OFFICE));
        for (String name : List.of("defendant", "actingUnit", "leadUnit")) {
            Object unit = caseVariables.get(name);
            if (unit instanceof String id && !id.isBlank()) {
                units.add(id);
            }
        }
        units.addAll(unitList(caseVariables.get("coUnits")));
        return units;
    }

    public static boolean maySee(Collection<String> userGroups, Map<String, ?> caseVariables) {
        return Roles.any(userGroups, Roles.SUPERVISORS)
                || userGroups.stream().anyMatch(participants(caseVariables)::contains);
    }

    /** READ on this process instance for every participant, so the engine's own APIs show them their cases. */
    public void grantToParticipants(DelegateExecution execution) {
        Set<String> units = participants(execution.getVariables());
        String instance = execution.getProcessInstanceId();
        EngineCommand.withoutAuthorization(() -> {
            for (String unit : units) {
                grants.toGroup(unit, PROCESS_INSTANCE, instance, READ);
            }
            return null;
        });
    }

    /** The same, outside the engine's transaction (an archived case reopened by a retrial). */
    public void grantToParticipants(String instance, Map<String, ?> caseVariables) {
        Map<String, Object> plain = new java.util.HashMap<>();
        caseVariables.forEach((k, v) -> plain.put(k, v instanceof org.camunda.bpm.engine.variable.value.TypedValue t
                ? (t instanceof org.camunda.spin.plugin.variable.value.JsonValue j ? j.getValueSerialized() : t.getValue())
                : v));
        for (String unit : participants(plain)) {
            grants.toGroup(unit, PROCESS_INSTANCE, instance, READ);
        }
    }

    public static List<String> unitList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        try {
            return JSON.readValue(value.toString(), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
