package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.deadlines.DueSoon;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineTable;
import cn.shapotou.litigation.escalation.SupervisionProcess;
import cn.shapotou.litigation.identity.SystemAccess;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Tasklist's list shows of each task beyond Camunda's own card: the full case number, the exact due day, how
 * many days it is overdue, and how often the work came back (退回第 N 次: a reviewer returned it, e.g. 《办法》第六条
 * 区司法局审核, 第九条第三款 不同意的退回修改). A 督办's task has no due day of its own: its card names the overdue item it
 * is about, that item's day and how late it is ({@code supervised}), so that several 督办 of one case tell apart.
 */
@Component
public class TaskCards {

    /** A page of Tasklist shows at most this many tasks; more ids than this are a mistake of the caller. */
    public static final int MAX_TASKS = 200;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final SystemAccess system;
    private final JdbcTemplate jdbc;
    private final String returnedRounds;

    public TaskCards(TaskService tasks, RuntimeService runtime, SystemAccess system, JdbcTemplate jdbc,
                     ManagementService management) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.system = system;
        this.jdbc = jdbc;
        String history = EngineTable.HISTORIC_TASK.tableName(management);
        String linkLog = EngineTable.HISTORIC_IDENTITY_LINK_LOG.tableName(management);
        String link = EngineTable.IDENTITY_LINK.tableName(management);
        // A return sends the work back to the same task of the same stage for the same unit: earlier completions of
        // that task there count. The unit matters because one stage may hold the task once for each unit at a time
        // (co-handling units preparing their answer materials side by side, 《办法》第五条).
        this.returnedRounds = "SELECT t.ID_, (SELECT COUNT(*) FROM " + history + " h WHERE h.PROC_INST_ID_ = "
                + "t.PROC_INST_ID_ AND h.TASK_DEF_KEY_ = t.TASK_DEF_KEY_ AND h.ID_ <> t.ID_ AND h.END_TIME_ IS NOT NULL "
                + "AND h.DELETE_REASON_ = 'completed' AND h.END_TIME_ <= t.START_TIME_ AND NOT EXISTS (SELECT 1 FROM "
                + link + " g WHERE g.TASK_ID_ = t.ID_ AND g.TYPE_ = 'candidate' AND g.GROUP_ID_ IS NOT NULL AND NOT "
                + "EXISTS (SELECT 1 FROM " + linkLog + " o WHERE o.TASK_ID_ = h.ID_ AND o.TYPE_ = 'candidate' AND "
                + "o.GROUP_ID_ = g.GROUP_ID_))) AS RETURNS_ FROM " + history + " t WHERE t.ID_ IN ";
    }

    /**
     * The cards of those of {@code taskIds} the caller may see (the engine's authorization decides, as it does for
     * Tasklist itself); unknown ids and others' tasks are left out, never refused, so nobody learns they exist.
     */
    public List<Map<String, Object>> of(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        List<Task> visible = tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list();
        if (visible.isEmpty()) {
            return List.of();
        }
        return system.call(() -> {
            Map<String, String> caseNumbers = caseNumbers(visible);
            Map<String, Integer> returns = returns(visible);
            Map<String, Map<String, Object>> supervised = supervised(visible);
            Date now = EngineClock.now();
            LocalDate today = LegalClock.dateOf(now);
            Map<String, Task> byId = visible.stream().collect(Collectors.toMap(Task::getId, t -> t));
            List<Map<String, Object>> cards = new ArrayList<>();
            for (String id : taskIds.stream().distinct().toList()) {
                Task task = byId.get(id);
                if (task != null) {
                    Map<String, Object> card = card(task, caseNumbers.get(task.getProcessInstanceId()),
                            returns.getOrDefault(id, 0), now, today);
                    Map<String, Object> item = supervised.get(task.getProcessInstanceId());
                    if (item != null) {
                        if (item.get("due") != null) {
                            // as late as it is today, not as on the day its 督办 began
                            item.put("daysOverdue", ChronoUnit.DAYS.between(LocalDate.parse(
                                    String.valueOf(item.get("due"))), today));
                        }
                        card.put("supervised", item);
                    }
                    cards.add(card);
                }
            }
            return cards;
        });
    }

    private static Map<String, Object> card(Task task, String caseNumber, int returns, Date now, LocalDate today) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("taskId", task.getId());
        card.put("caseNumber", caseNumber);
        Date due = task.getDueDate();
        card.put("due", due == null ? null : LegalClock.dateOf(due).toString());
        card.put("dueAt", LegalClock.offsetText(due));
        String state = "NONE";
        Long daysOverdue = null;
        if (due != null) {
            LocalDate dueDay = LegalClock.dateOf(due);
            if (due.before(now)) {
                state = "OVERDUE";
                daysOverdue = ChronoUnit.DAYS.between(dueDay, today);
            } else if (!dueDay.isAfter(today.plusDays(DueSoon.DAYS))) {
                state = "DUE_SOON";
            } else {
                state = "OPEN";
            }
        }
        card.put("state", state);
        card.put("daysOverdue", daysOverdue);
        card.put("daysLeft", due == null || due.before(now) ? null
                : ChronoUnit.DAYS.between(today, LegalClock.dateOf(due)));
        card.put("returns", returns);
        return card;
    }

    private Map<String, String> caseNumbers(List<Task> visible) {
        Set<String> instances = visible.stream().map(Task::getProcessInstanceId).filter(i -> i != null)
                .collect(Collectors.toSet());
        Map<String, String> result = new HashMap<>();
        if (!instances.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
                result.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return result;
    }

    /** For the tasks of 督办 instances: {@code item}, {@code due} and {@code daysOverdue} of the item supervised. */
    private Map<String, Map<String, Object>> supervised(List<Task> visible) {
        String[] instances = visible.stream().filter(t -> t.getProcessDefinitionId() != null
                        && t.getProcessDefinitionId().startsWith(SupervisionProcess.PROCESS_KEY + ":"))
                .map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> result = new HashMap<>();
        if (instances.length > 0) {
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                    .variableNameIn("item", "due", "daysOverdue").list()) {
                if (v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId())) {
                    result.computeIfAbsent(v.getProcessInstanceId(), k -> new LinkedHashMap<>())
                            .put(v.getName(), v.getValue());
                }
            }
        }
        return result;
    }

    private Map<String, Integer> returns(List<Task> visible) {
        List<String> ids = visible.stream().map(Task::getId).toList();
        Map<String, Integer> result = new HashMap<>();
        jdbc.query(returnedRounds + "(" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
                rs -> {
                    result.put(rs.getString(1), rs.getInt(2));
                }, ids.toArray());
        return result;
    }
}
