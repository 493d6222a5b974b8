package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FormValues;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/tasks/{taskId}/saved-draft}: what the user just saved in the task's form with Tasklist's 暂存 (the
 * form's values as JSON), kept on the task for the documents of {@link SavedDrafts}. A handler works on a task
 * (TASK_WORK) but may not write its variables through the engine's API; this writes the one variable, for the task's
 * assignee only (Tasklist lets nobody else fill in the form).
 */
@RestController
public class SavedDraftController {

    /** Well above any form of this system (the longest text field takes 20,000 characters). */
    static final int MAX_FIELDS = 200;

    private final TaskService tasks;
    private final CurrentUser user;
    private final SystemAccess system;

    public SavedDraftController(TaskService tasks, CurrentUser user, SystemAccess system) {
        this.tasks = tasks;
        this.user = user;
        this.system = system;
    }

    @PutMapping("/api/tasks/{taskId}/saved-draft")
    public ResponseEntity<Void> save(@PathVariable String taskId, @RequestBody Map<String, Object> values) {
        // Found only if the caller may see it (the query applies their authorizations).
        Task task = taskId.length() > 64 ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "taskId", "任务不存在或您无权查看");
        }
        if (!user.id().equals(task.getAssignee())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "taskId", "只有已认领本任务的人可以暂存它的表单");
        }
        if (values.size() > MAX_FIELDS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "values", "暂存的字段过多");
        }
        system.call(() -> {
            tasks.setVariableLocal(taskId, SavedDrafts.VARIABLE, FormValues.toJson(values));
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
