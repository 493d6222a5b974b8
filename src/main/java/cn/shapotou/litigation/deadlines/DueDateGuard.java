package cn.shapotou.litigation.deadlines;

import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A task's due date is a legal deadline computed by the system (src/docs/deadlines.md「四、案件的期限」: the statutory
 * answer day of 行政诉讼法第六十七条, the 7 days of Art. 10 ¶2, …), not a handler's choice: the overdue list, 督办
 * (Art. 18) and the accountability of Art. 22 are measured against it. Tasklist lets anybody who may update a task move
 * it; this listener, on the {@code update} event of every user task, refuses a change of the due date
 *
 * <ul>
 *   <li>by anyone who is not an administrator (group {@code camunda-admin}), and</li>
 *   <li>by an administrator who has not given the reason in the task's local variable {@link #REASON} first;</li>
 * </ul>
 *
 * and records an administrator's change with its reason as a comment on the task (shown in Tasklist's history of the
 * task and in the case's timeline), then clears the reason, so every change needs its own. The engine's own changes —
 * a deadline recounted with a newly published holiday calendar, a hearing the court moved — run inside
 * {@link #bySystem} and carry their own comment. Jobs without a signed-in user are the engine's own too.
 * README「期限不可由承办人修改」.
 */
@Component
public class DueDateGuard extends AbstractProcessEnginePlugin implements TaskListener {

    /** Task-local variable: why an administrator changes the due date (Tasklist asks for it, 变更理由). */
    public static final String REASON = "dueDateChangeReason";

    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    private final ReminderDays reminderDays;

    public DueDateGuard(ReminderDays reminderDays) {
        this.reminderDays = reminderDays;
    }

    /** Runs a change of due dates the system itself makes (the deadline was recounted by law, not moved by a person). */
    public static <T> T bySystem(Supplier<T> change) {
        boolean before = SYSTEM.get();
        SYSTEM.set(true);
        try {
            return change.get();
        } finally {
            SYSTEM.set(before);
        }
    }

    public static void bySystem(Runnable change) {
        bySystem(() -> {
            change.run();
            return null;
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, DueDateGuard.this);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || SYSTEM.get()) {
            return;
        }
        PropertyChange change = entity.getPropertyChanges().get(TaskEntity.DUE_DATE);
        if (change == null || sameInstant(change.getOrgValue(), change.getNewValue())) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        // A task created in this very command gets its due date from the create listeners (deadlines.DeadlineTasks).
        if (user == null || command.getDbEntityManager().getDbEntityCache().isTransient(entity)) {
            return;
        }
        List<String> groups = command.getAuthenticatedGroupIds();
        // The engine's administrator group (identity.Roles.ADMIN); deadlines/ sits below identity/.
        if (groups == null || !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw FormRefusal.of(List.of(new FieldError("dueDate", "任务期限是按法律和《区行政应诉规定》计算的期限，"
                    + "承办人不能修改；确需变更的，请系统管理员办理并写明理由")));
        }
        String reason = FormValues.text(task.getVariableLocal(REASON));
        if (reason == null) {
            throw FormRefusal.of(List.of(new FieldError("dueDate", "变更任务期限须先写明变更理由")));
        }
        // The task's overdue and reminder timers follow its new due date (DeadlineTimers).
        DeadlineTimers.follow(command.getProcessEngineConfiguration().getManagementService(),
                command.getProcessEngineConfiguration().getTaskService(), reminderDays, task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), task.getId(), (Date) change.getNewValue());
        // Removing the reason and commenting update the task again, with the due date's change still pending.
        bySystem(() -> {
            task.removeVariableLocal(REASON);
            command.getProcessEngineConfiguration().getTaskService().createComment(task.getId(),
                    task.getProcessInstanceId(), "系统管理员 " + user + " 将任务期限由" + day(change.getOrgValue()) + "变更为"
                            + day(change.getNewValue()) + "，理由：" + reason);
        });
    }

    private static boolean sameInstant(Object a, Object b) {
        if (a instanceof Date x && b instanceof Date y) {
            return x.getTime() / 1000 == y.getTime() / 1000;
        }
        return Objects.equals(a, b);
    }

    private static String day(Object value) {
        return value instanceof Date d ? LocalDate.ofInstant(d.toInstant(), LegalClock.ZONE).toString() : "（无）";
    }
}
