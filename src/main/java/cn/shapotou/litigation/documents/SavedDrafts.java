package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.answer.AnswerMaterials;
import cn.shapotou.litigation.appearance.AgentFields;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a user saved in a task's form with Tasklist's 暂存. Tasklist keeps that in the browser only (localStorage), where
 * the server cannot see it; litigation/saved-draft.js copies each save into the task's local variable {@link #VARIABLE}
 * (a name no form field has, so it never shadows a submitted value), and a document opened from the form
 * ({@code …/documents/{id}.pdf?task=…}) is made with those values first: the 授权委托书 names the agents just typed, the
 * 答辩状草稿 carries the saved draft (README「文书：暂存的内容、在新标签页打开」).
 */
@Component
public class SavedDrafts {

    public static final String VARIABLE = "savedDraft";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final SystemAccess system;

    public SavedDrafts(TaskService tasks, RuntimeService runtime, SystemAccess system) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.system = system;
    }

    /**
     * The saved values of {@code taskId} for a document of {@code caseNumber}; empty when there is no such open task of
     * the case that the caller may see, or nothing was saved. Call as the user, not as the system.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> of(String caseNumber, String taskId, CaseView cases) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Map.of();
        }
        // Visible to the caller (the query applies their authorizations) and a task of this case.
        Task task = tasks.createTaskQuery().taskId(taskId).processInstanceBusinessKey(caseNumber).singleResult();
        if (task == null) {
            return Map.of();
        }
        return system.call(() -> {
            Object saved = FormValues.json(tasks.getVariableLocal(task.getId(), VARIABLE));
            if (!(saved instanceof Map<?, ?> map)) {
                return Map.<String, Object>of();
            }
            Map<String, Object> draft = new LinkedHashMap<>((Map<String, Object>) map);
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
            return draft;
        });
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
