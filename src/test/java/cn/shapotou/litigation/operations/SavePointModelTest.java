package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.ModelNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every person's task ends in a save point (README「事务边界与重试」): what the person submitted is committed with the
 * task's own checks, and what follows — the next tasks, their deadlines, a stage's end — is the job executor's, retried
 * and shown in Cockpit if it fails instead of turning the person's submission away.
 */
class SavePointModelTest {

    @Test
    void everyUserTaskOfEveryProcessEndsInASavePoint() {
        List<String> tasks = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Path file : ModelNames.productModels()) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                String name = file.getFileName() + " " + task.getId() + "（" + task.getName() + "）";
                tasks.add(name);
                // A multi-instance task's save point is each instance's own, on its loop characteristics.
                boolean eachInstance = task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi
                        && mi.isCamundaAsyncAfter();
                if (!task.isCamundaAsyncAfter() && !eachInstance) {
                    without.add(name);
                }
            }
        }
        assertThat(tasks).hasSizeGreaterThan(30);
        assertThat(without).as("user tasks without camunda:asyncAfter").isEmpty();
    }
}
