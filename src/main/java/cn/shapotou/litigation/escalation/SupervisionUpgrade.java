package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.Grants;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import cn.shapotou.litigation.engine.EngineTransactions;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, the 督办 raised before supervision was a process (a standalone task of the Justice Bureau, marked by
 * its task-local variable {@code supervisedItem}) become instances of process {@code supervision} (《办法》第三条):
 * a still-overdue item gets its 督办 instance in place of the task in {@code lit_supervision}; every such task is
 * completed with a note why. Idempotent, and safe on two nodes starting at once: the register's row is taken over
 * only if it still names the old task, in the same transaction as the start.
 */
@Component
public class SupervisionUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SupervisionUpgrade.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final OverdueItems overdue;
    private final SupervisionRegister register;
    private final Supervisions supervisions;
    private final EngineTransactions transactions;
    private final HistoryService history;
    private final Grants grants;

    public SupervisionUpgrade(RuntimeService runtime, TaskService tasks, OverdueItems overdue,
                              SupervisionRegister register, Supervisions supervisions,
                              EngineTransactions transactions, HistoryService history,
                              Grants grants) {
        this.history = history;
        this.grants = grants;
        this.runtime = runtime;
        this.tasks = tasks;
        this.overdue = overdue;
        this.register = register;
        this.supervisions = supervisions;
        this.transactions = transactions;
    }

    /** Returns how many standalone 督办 tasks were replaced or closed. */
    public int upgrade() {
        List<VariableInstance> marks = runtime.createVariableInstanceQuery().variableName(DeadlineWatch.SUPERVISES)
                .list().stream().filter(v -> v.getTaskId() != null && v.getProcessInstanceId() == null).toList();
        if (marks.isEmpty()) {
            return 0;
        }
        Map<String, OverdueItem> overdueNow = overdue.now().stream()
                .collect(Collectors.toMap(OverdueItem::key, Function.identity(), (a, b) -> a));
        int done = 0;
        for (VariableInstance mark : marks) {
            String key = String.valueOf(mark.getValue());
            try {
                transactions.inNewTransaction(() -> replace(mark.getTaskId(), key, overdueNow.get(key)));
                done++;
            } catch (RuntimeException e) {
                // Another node replaced it at the same moment, or it was closed meanwhile.
                log.warn("督办任务 {}（{}）未转为督办流程：{}", mark.getTaskId(), key, e.getMessage());
            }
        }
        log.info("Supervision upgrade: {} standalone 督办 task(s) replaced by process supervision", done);
        return done;
    }

    /**
     * Who may read the history of the earlier version's 督办 tasks: the groups that were their candidates (the Justice
     * Bureau, and the district leaders for a missed court deadline; 《办法》第三条). A standalone task has no process
     * instance to be granted on, and no historic-task authorization was made for it before historic instance
     * permissions were on (application.yaml); without one, nobody but an administrator reads it. Idempotent; returns
     * how many tasks it looked at.
     */
    public int grantHistory() {
        List<String> taskIds = history.createHistoricVariableInstanceQuery().variableName(DeadlineWatch.SUPERVISES)
                .list().stream().filter(v -> v.getTaskId() != null && v.getProcessInstanceId() == null)
                .map(HistoricVariableInstance::getTaskId).distinct().toList();
        for (String taskId : taskIds) {
            Set<String> candidates = new TreeSet<>();
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(taskId)
                    .type(IdentityLinkType.CANDIDATE).list()) {
                if (link.getGroupId() != null) {
                    candidates.add(link.getGroupId());
                }
            }
            for (String group : candidates) {
                grants.toGroup(group, Resources.HISTORIC_TASK, taskId, HistoricTaskPermissions.READ);
            }
        }
        return taskIds.size();
    }

    private void replace(String taskId, String key, OverdueItem item) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return;
        }
        Optional<String> registered = register.taskOf(key);
        String note;
        if (item != null && (registered.isEmpty() || registered.get().equals(taskId))) {
            String instance = supervisions.start(item);
            if (registered.isEmpty()) {
                register.add(key, instance, item.caseNumber());
            } else if (!register.replace(key, taskId, instance)) {
                throw new IllegalStateException("lit_supervision changed meanwhile");
            }
            note = "督办已转为督办流程办理（流程实例 " + instance + "）。";
        } else {
            if (registered.isPresent() && registered.get().equals(taskId)) {
                register.remove(key);
            }
            note = "被督办事项已于" + LegalClock.dateOf(EngineClock.now()) + "前办结，督办自动结束。";
        }
        tasks.createComment(taskId, null, note);
        tasks.complete(taskId);
    }
}
