package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Every overdue item, read from the engine as it is now: open tasks whose due moment passed, and cases whose
 * statutory answer deadline passed without delivery to the court (watched from registration until delivery, whatever
 * stage the case is in).
 */
@Component
public class OverdueItems {

    /** Case variable holding the statutory answer deadline until delivery removes it (ALL Art. 67). */
    public static final String STATUTORY_ANSWER_DUE = "statutoryAnswerDue";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final UnitDirectory units;

    public OverdueItems(TaskService tasks, RuntimeService runtime, UnitDirectory units) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.units = units;
    }

    /** The case's execution that is at an activity now (an incident needs one); the case itself if none is. */
    private String activeExecution(String processInstanceId) {
        return runtime.createExecutionQuery().processInstanceId(processInstanceId).list().stream()
                .filter(e -> e instanceof ExecutionEntity entity && entity.getActivityId() != null)
                .map(e -> e.getId()).findFirst().orElse(processInstanceId);
    }

    public List<OverdueItem> now() {
        Date now = ClockUtil.getCurrentTime();
        LocalDate today = LegalClock.dateOf(now);
        List<OverdueItem> items = new ArrayList<>();

        List<Task> overdue = tasks.createTaskQuery().dueBefore(now).active().list();
        Set<String> instanceIds = overdue.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> caseNumbers = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
                caseNumbers.put(instance.getId(), instance.getBusinessKey());
            }
        }
        for (Task task : overdue) {
            String unit = task.getAssignee() != null ? null : tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(IdentityLink::getGroupId).findFirst().orElse(null);
            LocalDate due = LegalClock.dateOf(task.getDueDate());
            items.add(new OverdueItem("task:" + task.getId(), caseNumbers.get(task.getProcessInstanceId()),
                    task.getName(), unit, unit == null ? task.getAssignee() : units.nameOf(unit), due,
                    ChronoUnit.DAYS.between(due, today), task.getId(), task.getExecutionId(),
                    task.getProcessInstanceId()));
        }

        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("litigation-case")
                .variableValueLessThan(STATUTORY_ANSWER_DUE, today.toString()).list()) {
            LocalDate due = LocalDate.parse((String) runtime.getVariable(instance.getId(), STATUTORY_ANSWER_DUE));
            String lead = (String) runtime.getVariable(instance.getId(), "leadUnit");
            items.add(new OverdueItem("case:" + instance.getId() + ":statutoryAnswer", instance.getBusinessKey(),
                    "法定答辩期限（向法院提交答辩状及证据）", lead, lead == null ? "（待确定）" : units.nameOf(lead), due,
                    ChronoUnit.DAYS.between(due, today), null, activeExecution(instance.getId()), instance.getId()));
        }
        items.sort(Comparator.comparing(OverdueItem::due).thenComparing(OverdueItem::key));
        return items;
    }
}
