package cn.shapotou.litigation.escalation;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 「发送到期提醒」: the path of a deadline-bound task's reminder timer 「到期提醒」 (deadlines.DeadlineTimers). When the
 * timer fires, at 00:00 of a reminder day (or at once for a task born or moved inside its reminder window), each open
 * instance of the task gets the reminder due that day, once ({@link Reminders#remind}): the same comment, mail and
 * robot message the supervision sweep sends (《办法》第三条). On a day without a reminder due nothing is sent. The task
 * stays open: the timer does not interrupt it.
 */
@Component("deadlineReminder")
public class DeadlineReminder implements JavaDelegate {

    private final Reminders reminders;
    private final TaskService tasks;

    public DeadlineReminder(Reminders reminders, TaskService tasks) {
        this.reminders = reminders;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String task = OverdueEscalation.timedTask(execution);
        for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(task).active().list()) {
            reminders.remind(open);
        }
    }
}
