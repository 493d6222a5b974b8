package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a calendar file is added or corrected, every open deadline is counted again from its own start, and the open
 * tasks and the timers that wait for it get the new date (src/docs/deadlines.md「公布后重新计算」).
 * Runs at start-up and on an administrator's request; each moved task is logged and gets a comment on its record.
 */
@Component
public class DeadlineRecomputation {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRecomputation.class);

    public record Change(String processInstanceId, String businessKey, String deadline, LocalDate before,
                         LocalDate after, List<String> taskIds) {}

    /** Engine property holding the fingerprint of the calendar the open deadlines were last counted with. */
    static final String COUNTED_WITH = "litigation.calendar-fingerprint";

    private final ProcessEngine engine;
    private final Deadlines deadlines;
    private final HolidayCalendarRepository calendars;

    private final List<RecountFollower> followers;

    public DeadlineRecomputation(ProcessEngine engine, Deadlines deadlines, HolidayCalendarRepository calendars,
                                 List<RecountFollower> followers) {
        this.followers = followers;
        this.engine = engine;
        this.deadlines = deadlines;
        this.calendars = calendars;
    }

    /** At start-up: recount only if the calendar files differ from those the open deadlines were counted with. */
    @Transactional
    public List<Change> recomputeIfCalendarChanged() {
        String fingerprint = calendars.calendar().fingerprint();
        if (fingerprint.equals(engine.getManagementService().getProperties().get(COUNTED_WITH))) {
            return List.of();
        }
        return recompute();
    }

    @Transactional
    public List<Change> recompute() {
        var runtime = engine.getRuntimeService();
        List<Change> changes = new ArrayList<>();
        List<VariableInstance> stored = runtime.createVariableInstanceQuery()
                .variableName(CaseDeadlineVariable.NAME).disableCustomObjectDeserialization().list();
        for (VariableInstance variable : stored) {
            List<Map<String, Object>> list = CaseDeadlineVariable.parse(variable.getTypedValue());
            List<Map<String, Object>> updated = new ArrayList<>(list);
            List<String[]> moved = new ArrayList<>();
            List<CaseDeadline> recounted = deadlines.recount(list);
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> entry = list.get(i);
                CaseDeadline fresh = recounted.get(i);
                DeadlineKind kind = fresh.kind();
                Map<String, Object> freshJson = Deadlines.toJson(fresh);
                if (!Objects.equals(freshJson.get("explanation"), entry.get("explanation"))
                        || !Objects.equals(freshJson.get("due"), entry.get("due"))) {
                    updated = CaseDeadlineVariable.put(updated, fresh);
                    if (!Objects.equals(freshJson.get("due"), entry.get("due"))) {
                        moved.add(new String[] {kind.key(), (String) entry.get("due"), (String) freshJson.get("due")});
                    }
                }
            }
            if (updated.equals(list)) {
                continue;
            }
            runtime.setVariableLocal(variable.getExecutionId(), CaseDeadlineVariable.NAME,
                    CaseDeadlineVariable.toValue(updated));
            String businessKey = businessKey(variable.getProcessInstanceId());
            for (String[] m : moved) {
                changes.add(moveTasks(variable.getProcessInstanceId(), businessKey, m[0],
                        LocalDate.parse(m[1]), LocalDate.parse(m[2]), updated));
            }
        }
        int windowsMoved = 0;
        for (RecountFollower follower : followers) {
            windowsMoved += follower.recount(deadlines);
        }
        if (windowsMoved > 0) {
            log.info("{} retrial or enforcement window(s) moved with the holiday calendar", windowsMoved);
        }
        engine.getManagementService().setProperty(COUNTED_WITH, calendars.calendar().fingerprint());
        log.info("Open deadlines recounted with the holiday calendar of {}: {} deadline(s) moved",
                calendars.calendar().years().keySet(), changes.size());
        return changes;
    }

    private Change moveTasks(String processInstanceId, String businessKey, String key, LocalDate before,
                             LocalDate after, List<Map<String, Object>> updated) {
        var tasks = engine.getTaskService();
        List<String> taskIds = new ArrayList<>();
        // The case-level watch of the statutory answer follows its deadline (escalation.OverdueItems).
        for (RecountFollower follower : followers) {
            follower.move(processInstanceId, key, after);
        }
        Map<String, Object> deadline = CaseDeadlineVariable.find(updated, key).orElseThrow();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskVariableValueEquals(DeadlineTasks.KEY_VARIABLE, key).list()) {
            task.setDueDate(LegalClock.endOfDay(after));
            // Recounted by law with the published calendar, not moved by a person (DueDateGuard).
            DueDateGuard.bySystem(() -> tasks.saveTask(task));
            tasks.setVariableLocal(task.getId(), DeadlineTasks.TEXT_VARIABLE, DeadlineTasks.text(deadline));
            tasks.createComment(task.getId(), processInstanceId,
                    "节假日安排更新，期限“" + deadline.get("name") + "”由" + before + "重新计算为" + after + "。");
            log.info("Case {}: task {} '{}' due moved from {} to {} (deadline {})",
                    businessKey, task.getId(), task.getName(), before, after, key);
            taskIds.add(task.getId());
            DeadlineTimers.follow(engine.getManagementService(), tasks, deadlines.reminderDays(), processInstanceId,
                    task.getTaskDefinitionKey(), null, null);
        }
        for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .timers().list()) {
            String[] waitsFor = deadlineOf(timer);
            if (waitsFor != null && key.equals(waitsFor[0])) {
                engine.getManagementService().setJobDuedate(timer.getId(), LegalClock.endOfDay(after));
                log.info("Case {}: timer {} moved from {} to {} (deadline {})", businessKey, timer.getId(), before,
                        after, key);
            }
        }
        return new Change(processInstanceId, businessKey, key, before, after, taskIds);
    }

    /**
     * {@code caseDeadlines.dueAt(execution, 'key')} or {@code overdueAt(...)}, or with the key in a variable:
     * {@code dueAt(execution, name)}.
     */
    private static final Pattern DUE_AT = Pattern.compile(
            "caseDeadlines\\.(dueAt|overdueAt)\\(\\s*execution\\s*,\\s*(?:'(\\w+)'|(\\w+))\\s*\\)");

    /**
     * Which case deadline a timer waits for, read from its {@code timeDate} expression in the BPMN model; null for none.
     * A task's overdue timer ({@code overdueAt}) follows its task instead (DeadlineTimers#follow), so that an
     * administrator's change of the task's due date stays; the case's statutory answer timers follow the answer watch
     * (escalation.StatutoryAnswerWatch#move).
     */
    private String[] deadlineOf(Job timer) {
        String activityId = DeadlineTimers.activityOf(engine.getManagementService(), timer);
        ModelElementInstance element = engine.getRepositoryService()
                .getBpmnModelInstance(timer.getProcessDefinitionId()).getModelElementById(activityId);
        if (element == null) {
            return null;
        }
        for (TimerEventDefinition definition : element.getChildElementsByType(TimerEventDefinition.class)) {
            if (definition.getTimeDate() != null) {
                Matcher m = DUE_AT.matcher(definition.getTimeDate().getTextContent());
                if (m.find()) {
                    if ("overdueAt".equals(m.group(1))) {
                        return null;
                    }
                    if (m.group(2) != null) {
                        return new String[] {m.group(2), m.group(1)};
                    }
                    // e.g. the appeal period's key depends on the decision (litigation-case's AppealPeriodOverTimer)
                    Object key = engine.getRuntimeService().getVariable(timer.getExecutionId(), m.group(3));
                    return key instanceof String k ? new String[] {k, m.group(1)} : null;
                }
            }
        }
        return null;
    }

    private String businessKey(String processInstanceId) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
