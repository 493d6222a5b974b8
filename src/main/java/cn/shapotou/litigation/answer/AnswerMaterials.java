package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable {@code answerMaterials}: each handling unit's last submission of 准备答辩材料 (Art. 6), keyed by unit
 * id, with its agents. Read here for the answer stage, the printable documents and the appearance plan alike.
 */
public final class AnswerMaterials {

    public static final String VARIABLE = "answerMaterials";

    private AnswerMaterials() {}

    /** The materials by unit, from the variable's value as the engine returns it (JSON value, Spin node or text). */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> parse(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (FormValues.json(value) instanceof Map<?, ?> map) {
            map.forEach((unit, materials) -> result.put(String.valueOf(unit), (Map<String, Object>) materials));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> agentsOf(Map<String, Object> unitMaterials) {
        Object agents = unitMaterials.get("agents");
        return agents instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Every unit's agents: an upheld case names agents of the acting unit and of the Justice Bureau (Art. 8 ¶2). */
    public static List<Map<String, Object>> allAgents(Map<String, Map<String, Object>> materials) {
        List<Map<String, Object>> agents = new ArrayList<>();
        materials.values().forEach(unit -> agents.addAll(agentsOf(unit)));
        return agents;
    }
}
