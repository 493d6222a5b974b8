package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.FormValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final SystemAccess system;
    private final List<SavedDraftReader> readers;

    public SavedDrafts(TaskService tasks, SystemAccess system, List<SavedDraftReader> readers) {
        this.tasks = tasks;
        this.system = system;
        this.readers = readers;
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
            for (SavedDraftReader reader : readers) {
                reader.read(caseNumber, task, draft, cases);
            }
            return draft;
        });
    }
}
