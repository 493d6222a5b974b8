package cn.shapotou.litigation.deadlines;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The overdue timers of deadline-bound tasks. Every user task that serves a case deadline (its create listener is
 * {@link DeadlineTasks#apply}) carries a non-interrupting boundary timer {@code <task id>OverdueTimer} 「期限届满」 at
 * 24:00 of its deadline day ({@code ${caseDeadlines.overdueAt(execution, key)}}), so the model shows the deadline and
 * Cockpit shows the timer on the task; its path raises the escalation (escalation.OverdueEscalation). When a task's
 * due date moves (the calendar was corrected, an administrator changed it), its timer moves with it: to the earliest
 * due date of the activity's open tasks (one timer serves every instance of a multi-instance task), plus the one
 * second from 23:59:59 to 24:00. A timer that has already fired does not come back; the supervision sweep covers such
 * a task when it falls overdue again (README「督办（区司法局）」).
 */
public final class DeadlineTimers {

    /** The boundary timer of task {@code X} is {@code XOverdueTimer}; the sweep and the models rely on it. */
    public static final String SUFFIX = "OverdueTimer";

    /**
     * The case's own timers on the statutory answer (ALL Art. 67), on the stages during which it is watched: their ids
     * end so ({@code IntakeStatutoryAnswerOverdueTimer}, ...); they move with the deadline like any timer whose
     * {@code timeDate} is {@code caseDeadlines.overdueAt(execution, key)} (DeadlineRecomputation).
     */
    public static final String STATUTORY_ANSWER_SUFFIX = "StatutoryAnswerOverdueTimer";

    private DeadlineTimers() {}

    public static String timerOf(String taskDefinitionKey) {
        return taskDefinitionKey + SUFFIX;
    }

    /** 24:00 of the day a task due at 23:59:59 falls due. */
    public static Date overdueAt(Date due) {
        return new Date(due.getTime() + 1000);
    }

    /**
     * Moves the overdue timer of activity {@code taskDefinitionKey} in {@code processInstanceId} to follow its open
     * tasks' due dates; {@code changedTask} is due at {@code newDue} though not yet saved (null: none pending).
     */
    public static void follow(ManagementService management, TaskService tasks, String processInstanceId,
                              String taskDefinitionKey, String changedTask, Date newDue) {
        List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .filter(job -> timerOf(taskDefinitionKey).equals(activityOf(management, job))).toList();
        if (timers.isEmpty()) {
            return;
        }
        Date earliest = null;
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).list()) {
            Date due = Objects.equals(task.getId(), changedTask) ? newDue : task.getDueDate();
            if (due != null && (earliest == null || due.before(earliest))) {
                earliest = due;
            }
        }
        if (earliest == null) {
            return;
        }
        for (Job timer : timers) {
            management.setJobDuedate(timer.getId(), overdueAt(earliest));
        }
    }

    /** The activity a timer job waits at (its job definition's), e.g. {@code PrepareAnswerTaskOverdueTimer}; null if none. */
    public static String activityOf(ManagementService management, Job job) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition == null ? null : definition.getActivityId();
    }
}
