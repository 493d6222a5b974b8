package cn.shapotou.litigation.deadlines;

import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineTimers;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 *
 * <p>Beside it every such task carries its reminder timer {@code <task id>ReminderTimer} 「到期提醒」, one job for all
 * its reminders: a repeating cycle ({@code ${caseDeadlines.reminderCycle(execution, key)}}, {@link ReminderDays#cycle})
 * firing at 00:00 of the reminder days; its path sends the reminder due that day (escalation.DeadlineReminder). The
 * engine keeps the cycle in the job (ACT_RU_JOB.REPEAT_) and computes each next firing from it when the job runs, not
 * from the job's due date: moving only the due date would move one firing and leave the rest on the old deadline. So
 * a move rewrites the job's cycle as well ({@link #follow}).
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

    /** The reminder timer of task {@code X} is {@code XReminderTimer}; the sweep leaves X's reminders to it. */
    public static final String REMINDER_SUFFIX = "ReminderTimer";

    private DeadlineTimers() {}

    public static String timerOf(String taskDefinitionKey) {
        return taskDefinitionKey + SUFFIX;
    }

    public static String reminderOf(String taskDefinitionKey) {
        return taskDefinitionKey + REMINDER_SUFFIX;
    }

    /** 24:00 of the day a task due at 23:59:59 falls due. */
    public static Date overdueAt(Date due) {
        return new Date(due.getTime() + 1000);
    }

    /**
     * Moves the overdue and reminder timers of activity {@code taskDefinitionKey} in {@code processInstanceId} to
     * follow its open tasks' due dates; {@code changedTask} is due at {@code newDue} though not yet saved (null: none
     * pending). The reminder timer gets the cycle of the new deadline day and looks at once when the task is now
     * inside its reminder window (a reminder already sent is not sent again: escalation.Reminders keeps which were).
     */
    public static void follow(ManagementService management, TaskService tasks, ReminderDays days,
                              String processInstanceId, String taskDefinitionKey, String changedTask, Date newDue) {
        // Each timer job with the activity it waits at, looked up once (a job definition query each).
        Map<Job, String> timers = new LinkedHashMap<>();
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            String activity = activityOf(management, job);
            if (timerOf(taskDefinitionKey).equals(activity) || reminderOf(taskDefinitionKey).equals(activity)) {
                timers.put(job, activity);
            }
        }
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
        for (Map.Entry<Job, String> entry : timers.entrySet()) {
            Job timer = entry.getKey();
            if (reminderOf(taskDefinitionKey).equals(entry.getValue())) {
                moveReminder(management, days, timer.getId(), LegalClock.dateOf(earliest));
            } else {
                management.setJobDuedate(timer.getId(), overdueAt(earliest));
            }
        }
    }

    /**
     * The reminder timer's cycle and next firing for deadline day {@code due}: the public API moves a job's due date
     * only (with {@code cascade} it shifts the later firings by an offset from the job's current due date, which goes
     * wrong once that is not on the cycle, as after {@link #remindAtOnce}), so the cycle is rewritten
     * (engine.EngineTimers), in the caller's transaction.
     */
    static void moveReminder(ManagementService management, ReminderDays days, String jobId, java.time.LocalDate due) {
        EngineTimers.rewriteCycle(management, jobId, days.cycle(due), days.next(due, EngineClock.now()));
    }

    /**
     * A task born inside its reminder window (e.g. due in one day) gets the nearest reminder at once, as before: the
     * cycle's first firing is the next 00:00 of a reminder day (the engine skips the start when it lies in the past),
     * so the timer, created with the task's scope just before the task, is made due now. Called by the task's create
     * listener (DeadlineTasks#apply).
     */
    static void remindAtOnce(DelegateTask task, ReminderDays days) {
        Date now = EngineClock.now();
        if (task.getDueDate() != null && days.inWindow(LegalClock.dateOf(task.getDueDate()), LegalClock.dateOf(now))) {
            EngineTimers.dueNow(task, reminderOf(task.getTaskDefinitionKey()), now);
        }
    }

    /** The activity a timer job waits at (its job definition's), e.g. {@code PrepareAnswerTaskOverdueTimer}; null if none. */
    public static String activityOf(ManagementService management, Job job) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition == null ? null : definition.getActivityId();
    }
}
