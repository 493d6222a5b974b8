package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gives a user task the due date of one of the case's deadlines: 23:59:59 Asia/Shanghai on the deadline day
 * (README「期限与节假日日历」). Used as a create listener: {@code ${deadlineTasks.apply(task, 'statutoryAnswer')}}. The task
 * keeps the deadline's key, so it moves with the deadline when the calendar changes. A task born with its deadline near
 * or past says so at once, on the task itself and in its history (a court deadline does not wait for the next
 * reminder); one born inside its reminder window gets its reminder at once from its reminder timer 「到期提醒」
 * (DeadlineTimers#remindAtOnce).
 */
@Component("deadlineTasks")
public class DeadlineTasks {

    public static final String KEY_VARIABLE = "deadlineKey";
    public static final String TEXT_VARIABLE = "deadlineText";

    /** A task created this many days or fewer before its deadline is marked urgent from the start. */
    static final int URGENT_DAYS = 2;

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReminderDays reminderDays = ReminderDays.DEFAULT;

    @Autowired(required = false)
    void setReminderDays(ReminderDays reminderDays) {
        this.reminderDays = reminderDays;
    }

    public void apply(DelegateTask task, String key) {
        Map<String, Object> deadline = CaseDeadlineVariable.find(CaseDeadlineVariable.read(task), key)
                .orElseThrow(() -> new IllegalStateException(
                        "任务“" + task.getName() + "”所依据的期限 " + key + " 尚未计算"));
        LocalDate due = LocalDate.parse((String) deadline.get("due"));
        task.setDueDate(LegalClock.endOfDay(due));
        task.setVariableLocal(KEY_VARIABLE, key);
        String urgency = urgency(due, LegalClock.dateOf(EngineClock.now()));
        task.setVariableLocal(TEXT_VARIABLE, urgency == null ? text(deadline) : urgency + text(deadline));
        if (urgency != null) {
            task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                    "任务“" + task.getName() + "”" + urgency);
        }
        DeadlineTimers.remindAtOnce(task, reminderDays);
    }

    /** What a handler must know at once when the task starts with its deadline near or past; null otherwise. */
    static String urgency(LocalDate due, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, due);
        if (left < 0) {
            return "【已逾期】期限" + CHINESE_DATE.format(due) + "已过" + (-left) + "日，请立即办理并说明情况。";
        }
        if (left == 0) {
            return "【今日到期】期限为今日（" + CHINESE_DATE.format(due) + "）24时，请立即办理。";
        }
        if (left <= URGENT_DAYS) {
            return "【紧急】距期限（" + CHINESE_DATE.format(due) + "）仅剩" + left + "日，请优先办理。";
        }
        return null;
    }

    static String text(Map<String, Object> deadline) {
        return deadline.get("name") + "：" + deadline.get("explanation");
    }
}
