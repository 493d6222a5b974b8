package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.deadlines.DeadlineTimers;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** The overdue timer (「期限届满」) of a deadline-bound task, as tests find and fire it. */
public final class OverdueTimers {

    private OverdueTimers() {}

    /** The one pending overdue timer of activity {@code task} in {@code processInstanceId}. */
    public static Job of(ProcessEngine engine, String processInstanceId, String task) {
        List<Job> timers = all(engine, processInstanceId, task);
        assertThat(timers).as("overdue timer of " + task).hasSize(1);
        return timers.get(0);
    }

    /**
     * What the job executor (off in tests) does at once in the application: fires the overdue timers of these cases
     * (every process instance with the case number as business key) that are due by the engine's clock. Only theirs:
     * other tests' cases keep their timers. Returns how many fired.
     */
    public static int fireDue(ProcessEngine engine, String... caseNumbers) {
        var management = engine.getManagementService();
        int fired = 0;
        for (String caseNumber : caseNumbers) {
            for (var instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).list()) {
                for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().executable()
                        .list()) {
                    String activity = DeadlineTimers.activityOf(management, job);
                    if (activity != null && activity.endsWith(DeadlineTimers.SUFFIX)) {
                        management.executeJob(job.getId());
                        fired++;
                    }
                }
            }
        }
        return fired;
    }

    /** The one pending timer {@code activityId} of the case instance, e.g. its statutory answer timer. */
    public static Job caseTimer(ProcessEngine engine, String caseInstanceId, String activityId) {
        List<Job> timers = waitingAt(engine, caseInstanceId, activityId);
        assertThat(timers).as(activityId).hasSize(1);
        return timers.get(0);
    }

    /** The one pending reminder timer 「到期提醒」 of activity {@code task} in {@code processInstanceId}. */
    public static Job reminderOf(ProcessEngine engine, String processInstanceId, String task) {
        List<Job> timers = reminders(engine, processInstanceId, task);
        assertThat(timers).as("reminder timer of " + task).hasSize(1);
        return timers.get(0);
    }

    public static List<Job> reminders(ProcessEngine engine, String processInstanceId, String task) {
        return waitingAt(engine, processInstanceId, DeadlineTimers.reminderOf(task));
    }

    /** The cycle the engine keeps in a repeating timer's job (ACT_RU_JOB.REPEAT_). */
    public static String cycleOf(Job timer) {
        return cn.shapotou.litigation.engine.EngineTimers.cycleOf(timer);
    }

    public static List<Job> all(ProcessEngine engine, String processInstanceId, String task) {
        return waitingAt(engine, processInstanceId, DeadlineTimers.timerOf(task));
    }

    private static List<Job> waitingAt(ProcessEngine engine, String processInstanceId, String activityId) {
        var management = engine.getManagementService();
        return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .filter(job -> activityId.equals(DeadlineTimers.activityOf(management, job))).toList();
    }
}
