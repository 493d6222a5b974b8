package cn.shapotou.litigation.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import cn.shapotou.litigation.engine.EngineCommand;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a task with a deadline is completed or cancelled, its overdue incident and 督办 task go with it
 * (README「督办（区司法局）」): the task events the Camunda starter publishes, handled inside the same transaction.
 */
@Component
public class ItemDone {

    private final DeadlineWatch watch;

    public ItemDone(DeadlineWatch watch) {
        this.watch = watch;
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void onTaskEnd(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        if (EngineCommand.running()) {
            EngineCommand.withoutAuthorization(() -> {
                watch.resolve("task:" + task.getId());
                return null;
            });
        } else {
            watch.resolve("task:" + task.getId());
        }
    }

    /** The statutory answer item of a case ends with the delivery of the answer (ALL Art. 67). */
    public void statutoryAnswerDelivered(String caseInstanceId) {
        EngineCommand.withoutAuthorization(() -> {
            watch.resolve("case:" + caseInstanceId + ":statutoryAnswer");
            return null;
        });
    }

}
