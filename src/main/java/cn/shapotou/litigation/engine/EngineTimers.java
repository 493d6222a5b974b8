package cn.shapotou.litigation.engine;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * What the public API cannot do with a repeating timer (a boundary timer with a {@code timeCycle}): the engine keeps
 * the cycle in the job (ACT_RU_JOB.REPEAT_) and computes each next firing from it when the job runs, not from the
 * job's due date. {@code ManagementService.setJobDuedate} moves one firing only (with {@code cascade}, later ones by a
 * stored offset from the job's current due date); so the reminder timers of deadline-bound tasks
 * (deadlines.DeadlineTimers) get their cycle rewritten here.
 */
public final class EngineTimers {

    private EngineTimers() {}

    /**
     * Gives the timer job {@code jobId} the cycle {@code cycle} and its next firing {@code due}, in the caller's
     * transaction (nested in the running command, if any). Does nothing when the job is gone or not a timer.
     */
    public static void rewriteCycle(ManagementService management, String jobId, String cycle, Date due) {
        ((ServiceImpl) management).getCommandExecutor().execute(context -> {
            JobEntity job = context.getJobManager().findJobById(jobId);
            if (job instanceof TimerEntity timer) {
                timer.setRepeat(cycle);
                timer.setRepeatOffset(0);
                timer.setDuedate(due);
            }
            return null;
        });
    }

    /**
     * In a task's create listener: makes the timer {@code timerActivityId} on the task's scope due at {@code now}, if
     * it is due later. The engine creates a scope's timers with the scope, just before the task, and has not stored
     * them yet; so they are found on the task's execution or, for a multi-instance body's timer, an execution above.
     * Returns whether such a timer was found.
     */
    public static boolean dueNow(DelegateTask task, String timerActivityId, Date now) {
        if (!(task.getExecution() instanceof ExecutionEntity execution)) {
            return false;
        }
        for (int level = 0; level < 3 && execution != null; level++, execution = execution.getParent()) {
            for (JobEntity job : execution.getJobs()) {
                String configuration = job.getJobHandlerConfigurationRaw();
                // A timer job's handler configuration is its activity's id (then $-separated flags).
                if (job instanceof TimerEntity timer && configuration != null
                        && (configuration.equals(timerActivityId) || configuration.startsWith(timerActivityId + "$"))) {
                    if (timer.getDuedate() == null || timer.getDuedate().after(now)) {
                        timer.setDuedate(now);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** The cycle a repeating timer job waits on (e.g. {@code R1/2026-12-05T00:00:00+08:00/P2D}); null for others. */
    public static String cycleOf(Job job) {
        return job instanceof TimerEntity timer ? timer.getRepeat() : null;
    }
}
