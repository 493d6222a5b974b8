package cn.shapotou.litigation.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The litigation agents of a form: a party may appoint one or two agents (ALL Art. 31), so the forms have two fixed
 * slots ({@code agent1Name} … {@code agent2Authority}); REST clients may send the same as a JSON list {@code agents}.
 */
public final class AgentFields {

    public static final List<String> PROPERTIES = List.of("Name", "Unit", "Post", "Kind", "IsHandler", "Authority");
    public static final int SLOTS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentFields() {}

    /** The form field names of both slots. */
    public static List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            for (String property : PROPERTIES) {
                names.add("agent" + slot + property);
            }
        }
        return names;
    }

    /**
     * The agents as maps with keys agentName, agentUnit, …: the JSON list {@code agents} where a client sent one,
     * otherwise the filled slots of the form.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(VariableScope scope) {
        Object list = scope.getVariable("agents");
        if (list != null) {
            if (list instanceof List<?> l) {
                return (List<Map<String, Object>>) l;
            }
            String json = list instanceof SpinJsonNode node ? node.toString()
                    : list instanceof JsonValue j ? j.getValueSerialized() : list.toString();
            try {
                return JSON.readValue(json, List.class);
            } catch (JsonProcessingException | ClassCastException e) {
                return List.of(Map.of("agentName", "?"));
            }
        }
        return fromSlots(scope::getVariable);
    }

    /** The filled slots of the form (agent1Name, agent1Unit, …), each value looked up by its field's key. */
    public static List<Map<String, Object>> fromSlots(Function<String, Object> valueOf) {
        List<Map<String, Object>> agents = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            Map<String, Object> agent = new LinkedHashMap<>();
            for (String property : PROPERTIES) {
                Object value = valueOf.apply("agent" + slot + property);
                agent.put("agent" + property, value instanceof String s && s.isBlank() ? null : value);
            }
            if (agent.values().stream().anyMatch(v -> v != null && !Boolean.FALSE.equals(v) && !"false".equals(v))) {
                agents.add(agent);
            }
        }
        return agents;
    }

    /** Fills the slots of this execution's own variables, so a form opens with them. */
    public static void prefill(DelegateExecution execution, List<Map<String, Object>> agents) {
        for (int slot = 1; slot <= SLOTS; slot++) {
            Map<String, Object> agent = slot <= agents.size() ? agents.get(slot - 1) : Map.of();
            for (String property : PROPERTIES) {
                Object value = agent.get("agent" + property);
                execution.setVariableLocal("agent" + slot + property,
                        "IsHandler".equals(property) ? Boolean.TRUE.equals(value) || "true".equals(value) : value);
            }
        }
    }
}
