package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Gives a user task the due date of one of the case's deadlines: 23:59:59 Asia/Shanghai on the deadline day
 * (CONTRACT §4). Used as a create listener: {@code ${deadlineTasks.apply(task, 'statutoryAnswer')}}. The task keeps
 * the deadline's key, so it moves with the deadline when the calendar changes.
 */
@Component("deadlineTasks")
public class DeadlineTasks {

    public static final String KEY_VARIABLE = "deadlineKey";
    public static final String TEXT_VARIABLE = "deadlineText";

    public void apply(DelegateTask task, String key) {
        Map<String, Object> deadline = CaseDeadlineVariable.find(CaseDeadlineVariable.read(task), key)
                .orElseThrow(() -> new IllegalStateException(
                        "任务“" + task.getName() + "”所依据的期限 " + key + " 尚未计算"));
        task.setDueDate(LegalClock.endOfDay(LocalDate.parse((String) deadline.get("due"))));
        task.setVariableLocal(KEY_VARIABLE, key);
        task.setVariableLocal(TEXT_VARIABLE, text(deadline));
    }

    static String text(Map<String, Object> deadline) {
        return deadline.get("name") + "：" + deadline.get("explanation");
    }
}
