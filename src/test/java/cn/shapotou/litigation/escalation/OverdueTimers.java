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
     * What the job executor (off in tests) does at once in the application: fires every overdue timer that is due by
     * the engine's clock, tasks' and cases' alike. Returns how many fired.
     */
    public static int fireDue(org.camunda.bpm.engine.ManagementService management) {
        int fired = 0;
        for (Job job : management.createJobQuery().timers().executable().list()) {
            var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult();
            if (definition != null && definition.getActivityId().endsWith(DeadlineTimers.SUFFIX)
                    && management.createJobQuery().jobId(job.getId()).count() == 1) {
                management.executeJob(job.getId());
                fired++;
            }
        }
        return fired;
    }

    /** The one pending timer {@code activityId} of the case instance, e.g. its statutory answer timer. */
    public static Job caseTimer(ProcessEngine engine, String caseInstanceId, String activityId) {
        var management = engine.getManagementService();
        List<Job> timers = management.createJobQuery().processInstanceId(caseInstanceId).timers().list().stream()
                .filter(job -> activityId.equals(management.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .toList();
        assertThat(timers).as(activityId).hasSize(1);
        return timers.get(0);
    }

    public static List<Job> all(ProcessEngine engine, String processInstanceId, String task) {
        var management = engine.getManagementService();
        return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .filter(job -> DeadlineTimers.timerOf(task).equals(management.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .toList();
    }
}
