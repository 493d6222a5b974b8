package cn.shapotou.litigation.robots;

import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the supervision sweep tells the units' group robots (《沙坡头区人民政府行政应诉工作办法》第三条: the Justice
 * Bureau supervises, the district government leads): each reminder before a deadline to the units holding the work,
 * each 督办 to the unit charged and to the Justice Bureau (and the district leaders for a statutory court deadline),
 * each leaders' reminder to the district leaders — the same events that are recorded as comments and mailed. Queued
 * in the sweep's transaction ({@link RobotOutbox}); a unit without robots gets nothing here.
 */
@Component
public class RobotNotices {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final RobotOutbox outbox;
    private final RobotSettings settings;
    private final UnitDirectory units;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final String publicUrl;

    public RobotNotices(RobotOutbox outbox, RobotSettings settings, UnitDirectory units, TaskService tasks, RuntimeService runtime,
                        @Value("${litigation.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.settings = settings;
        this.units = units;
        this.tasks = tasks;
        this.runtime = runtime;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A task's reminder (Reminders): to the units among its candidate groups. */
    public void taskReminder(Task task, LocalDate due, long daysLeft, String text) {
        if (settings.units().isEmpty()) {
            return;
        }
        Set<String> to = new LinkedHashSet<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                to.add(link.getGroupId());
            }
        }
        String unitNames = String.join("、", to.stream().map(units::nameOf).toList());
        send(to, "即将到期提醒", caseNumberOf(task.getProcessInstanceId()), task.getName(), due,
                daysLeft, null, unitNames, task.getId(), text);
    }

    /** A case deadline's reminder (the statutory answer, a retrial or enforcement window) to the units holding it. */
    public void caseReminder(Collection<String> toUnits, String caseNumber, String item, LocalDate due, long daysLeft,
                             String taskId, String text) {
        String unitNames = String.join("、", new LinkedHashSet<>(toUnits).stream().map(units::nameOf).toList());
        send(new LinkedHashSet<>(toUnits), "期限即将届满提醒", caseNumber, item, due, daysLeft, null, unitNames, taskId,
                text);
    }

    /** A reminder to the district leaders before a statutory court deadline (第三条). */
    public void leaders(String caseNumber, String item, LocalDate due, long daysLeft, String holder, String taskId,
                        String text) {
        send(Set.of(UnitDirectory.DISTRICT_LEADERS), "法定期限即将届满，请领导督促", caseNumber, item, due, daysLeft, null,
                holder, taskId, text);
    }

    /**
     * A 督办 raised (DeadlineWatch, for one of its overdue items): to the unit charged (each unit holding it), the
     * Justice Bureau, and for a statutory court deadline the district leaders. {@code taskId} is the overdue task the
     * message links to; null for a case-level item, whose message links to Tasklist itself.
     */
    public void overdue(String unit, Collection<String> holders, boolean courtDeadline, String caseNumber, String item,
                        LocalDate due, long daysOverdue, String unitName, String taskId, String message) {
        Set<String> to = new LinkedHashSet<>();
        if (unit != null) {
            to.add(unit);
        }
        to.addAll(holders);
        to.add(UnitDirectory.JUSTICE_BUREAU);
        if (courtDeadline) {
            to.add(UnitDirectory.DISTRICT_LEADERS);
        }
        send(to, "逾期督办", caseNumber, item, due, null, daysOverdue, unitName, taskId, message);
    }

    private void send(Set<String> to, String heading, String caseNumber, String item, LocalDate due, Long daysLeft,
                      Long daysOverdue, String unitNames, String taskId, String detail) {
        if (to.stream().allMatch(unit -> settings.of(unit).isEmpty())) {
            return;
        }
        String title = "【行政应诉】" + heading + (caseNumber == null ? "" : " " + caseNumber);
        String text = markdown(heading, caseNumber, item, due, daysLeft, daysOverdue, unitNames, taskId, detail);
        for (String unit : to) {
            outbox.enqueue(unit, title, text);
        }
    }

    String markdown(String heading, String caseNumber, String item, LocalDate due, Long daysLeft, Long daysOverdue,
                    String unitNames, String taskId, String detail) {
        StringBuilder text = new StringBuilder("#### 【行政应诉】").append(heading).append("\n\n");
        if (caseNumber != null) {
            text.append("- 案号：").append(caseNumber).append('\n');
        }
        text.append("- 事项：").append(item).append('\n');
        if (due != null) {
            text.append("- 期限：").append(CHINESE_DATE.format(due)).append("24时");
            if (daysLeft != null) {
                text.append(daysLeft == 0 ? "（今日到期）" : "（还有" + daysLeft + "日）");
            }
            text.append('\n');
        }
        if (daysOverdue != null) {
            text.append("- 已逾期：").append(daysOverdue).append("日\n");
        }
        if (unitNames != null && !unitNames.isBlank()) {
            text.append("- 承办单位：").append(unitNames).append('\n');
        }
        if (detail != null && !detail.isBlank()) {
            text.append("\n> ").append(detail.replace("\n", " ")).append('\n');
        }
        text.append("\n[登录行政应诉管理系统办理](").append(tasklistLink(taskId)).append(")");
        return text.toString();
    }

    /** Tasklist, opened at the task when there is one. */
    public String tasklistLink(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/" + (taskId == null ? "" : "#/?task=" + taskId);
    }

    private String caseNumberOf(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
