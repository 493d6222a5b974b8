package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.casecore.CaseView;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * A stage's part in reading a task's saved draft (SavedDrafts) where its documents read the values from elsewhere than
 * the form's own fields: the answer stage's documents read every unit's answer materials (answer.SavedAnswerMaterials).
 * The stages sit above documents/ (architecture.md「包结构规则」), so they add their part through this interface.
 */
public interface SavedDraftReader {

    /**
     * Adds to {@code draft}, the values saved in {@code task} of {@code caseNumber}, what this stage's documents read
     * of them; does nothing for another stage's task. Runs as the system, after the caller was found to see the task.
     */
    void read(String caseNumber, Task task, Map<String, Object> draft, CaseView cases);
}
