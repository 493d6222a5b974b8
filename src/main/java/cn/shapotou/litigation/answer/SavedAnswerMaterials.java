package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.documents.SavedDraftReader;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A unit's saved draft of 准备答辩材料 as the answer stage's documents read it (README「文书：暂存的内容、在新标签页打开」):
 * they read every unit's answer materials ({@link AnswerMaterials}), so the saved draft replaces this unit's part
 * there, and the 授权委托书 names the agents just typed.
 */
@Component
public class SavedAnswerMaterials implements SavedDraftReader {

    private final RuntimeService runtime;

    public SavedAnswerMaterials(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void read(String caseNumber, Task task, Map<String, Object> draft, CaseView cases) {
        Object unit = task.getExecutionId() == null ? null : runtime.getVariable(task.getExecutionId(), "answerUnit");
        if ("PrepareAnswerTask".equals(task.getTaskDefinitionKey()) && unit instanceof String answerUnit) {
            // The documents read the unit's submitted materials first: the saved draft replaces this unit's part.
            Map<String, Map<String, Object>> materials =
                    AnswerMaterials.parse(cases.latestVariable(caseNumber, AnswerMaterials.VARIABLE));
            Map<String, Object> part = new LinkedHashMap<>(materials.getOrDefault(answerUnit, Map.of()));
            for (String field : List.of("draftDefence", "legalRepresentativeName", "legalRepresentativePost")) {
                if (draft.containsKey(field)) {
                    part.put(field, FormValues.text(draft.get(field)));
                }
            }
            part.put("agents", agents(draft));
            part.putIfAbsent("unit", answerUnit);
            materials.put(answerUnit, part);
            draft.put(AnswerMaterials.VARIABLE, materials);
        }
    }

    /** The agents of the form's slots (agent1Name, agent1Unit, …), as the submission records them. */
    static List<Map<String, Object>> agents(Map<String, Object> draft) {
        List<Map<String, Object>> agents = new ArrayList<>();
        for (Map<String, Object> agent : AgentFields.fromSlots(draft::get)) {
            if (FormValues.text(agent.get("agentName")) != null) {
                agent.put("agentIsHandler", Boolean.TRUE.equals(FormValues.bool(agent.get("agentIsHandler"))));
                agents.add(agent);
            }
        }
        return agents;
    }
}
