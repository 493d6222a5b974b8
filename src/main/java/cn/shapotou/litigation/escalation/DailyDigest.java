package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DueSoon;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.robots.RobotDigest;
import cn.shapotou.litigation.robots.RobotNotices;
import cn.shapotou.litigation.robots.RobotOutbox;
import cn.shapotou.litigation.robots.RobotSettings;
import cn.shapotou.litigation.units.UnitDirectory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each morning at 08:30 (Asia/Shanghai) every unit with a robot gets one digest of its work (《办法》第三条): how many
 * tasks it has open, those due within 2 days, and its overdue items ({@link OverdueItems}: the Justice Bureau, which
 * supervises every deadline, gets all of them; the district leaders those of statutory court deadlines besides their
 * own). Checked on every delivery round; one node sends it: a row of {@code lit_robot_digest} keyed by unit and day is
 * inserted in the same transaction as the message is queued, and a second node's insert fails on the key. A node
 * started later in the day still sends that day's digest, until 18:00; none is sent for a day already past.
 */
@Component
public class DailyDigest implements RobotDigest {

    static final LocalTime AT = LocalTime.of(8, 30);
    static final LocalTime UNTIL = LocalTime.of(18, 0);
    private static final int LISTED = 30;
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("M月d日");

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RobotSettings settings;
    private final RobotOutbox outbox;
    private final OverdueItems overdue;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final UnitDirectory units;
    private final RobotNotices notices;

    public DailyDigest(JdbcTemplate jdbc, TransactionTemplate transaction, RobotSettings settings, RobotOutbox outbox,
                       OverdueItems overdue, TaskService tasks, RuntimeService runtime, UnitDirectory units,
                       RobotNotices notices) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.outbox = outbox;
        this.overdue = overdue;
        this.tasks = tasks;
        this.runtime = runtime;
        this.units = units;
        this.notices = notices;
    }

    /** Queues today's digests not yet queued by any node, if it is between 08:30 and 18:00; returns how many. */
    @Override
    public int queueIfDue() {
        ZonedDateTime now = EngineClock.now().toInstant().atZone(LegalClock.ZONE);
        if (now.toLocalTime().isBefore(AT) || !now.toLocalTime().isBefore(UNTIL) || settings.units().isEmpty()) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        Set<String> done = new HashSet<>(jdbc.queryForList("SELECT unit FROM lit_robot_digest WHERE digest_day = ?",
                String.class, today));
        int queued = 0;
        List<OverdueItem> items = null;
        for (String unit : settings.units()) {
            if (done.contains(unit)) {
                continue;
            }
            if (items == null) {
                items = overdue.now();
            }
            List<OverdueItem> all = items;
            try {
                transaction.executeWithoutResult(status -> {
                    jdbc.update("INSERT INTO lit_robot_digest (unit, digest_day, sent_at) VALUES (?, ?, ?)", unit,
                            today, new Timestamp(EngineClock.now().getTime()));
                    String text = compose(unit, all);
                    if (text != null) {
                        outbox.enqueue(unit, "【行政应诉】每日待办汇总 " + units.nameOf(unit), text);
                    }
                });
                queued++;
            } catch (DuplicateKeyException anotherNode) {
                log.debug("Daily digest of {} for {} queued by another node", unit, today);
            }
        }
        return queued;
    }

    /** The unit's digest as of now, or null when it has nothing open, due or overdue. */
    public String compose(String unit) {
        return compose(unit, overdue.now());
    }

    String compose(String unit, List<OverdueItem> items) {
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);
        List<OverdueItem> late = items.stream().filter(i -> concerns(unit, i)).toList();
        long open = openTasks(unit).count();
        Date horizon = new Date(LegalClock.endOfDay(today.plusDays(DueSoon.DAYS)).getTime() + 1000);
        List<Task> soon = openTasks(unit).dueAfter(now).dueBefore(horizon).orderByDueDate().asc().list();
        if (open == 0 && late.isEmpty() && soon.isEmpty()) {
            return null;
        }
        Map<String, String> caseNumbers = caseNumbers(soon);
        StringBuilder text = new StringBuilder("#### 【行政应诉】每日待办汇总 · ").append(units.nameOf(unit)).append("\n\n")
                .append(CHINESE_DATE.format(today)).append("：在办事项").append(open).append("项，即将到期（")
                .append(DueSoon.DAYS).append("日内）").append(soon.size()).append("项，逾期").append(late.size())
                .append("项。\n");
        if (!late.isEmpty()) {
            text.append("\n**逾期事项**\n\n");
            int n = 0;
            for (OverdueItem item : late) {
                if (++n > LISTED) {
                    text.append("- ……另有").append(late.size() - LISTED).append("项\n");
                    break;
                }
                text.append("- 案号").append(item.caseNumber()).append("「").append(item.item()).append("」期限")
                        .append(SHORT_DATE.format(item.due())).append("，已逾期").append(item.daysOverdue())
                        .append("日，承办：").append(item.unitName()).append('\n');
            }
        }
        if (!soon.isEmpty()) {
            text.append("\n**即将到期**\n\n");
            int n = 0;
            for (Task task : soon) {
                if (++n > LISTED) {
                    text.append("- ……另有").append(soon.size() - LISTED).append("项\n");
                    break;
                }
                LocalDate due = LegalClock.dateOf(task.getDueDate());
                long left = ChronoUnit.DAYS.between(today, due);
                String caseNumber = caseNumbers.get(task.getProcessInstanceId());
                text.append("- ").append(caseNumber == null ? "" : "案号" + caseNumber).append("「")
                        .append(task.getName()).append("」").append(SHORT_DATE.format(due)).append("24时到期")
                        .append(left == 0 ? "（今日到期）" : "（还有" + left + "日）").append('\n');
            }
        }
        text.append("\n[登录行政应诉管理系统查看](").append(notices.tasklistLink(null)).append(")");
        return text.toString();
    }

    /** Whether an overdue item belongs in the unit's digest. */
    private static boolean concerns(String unit, OverdueItem item) {
        if (UnitDirectory.JUSTICE_BUREAU.equals(unit)) {
            return true;
        }
        if (UnitDirectory.DISTRICT_LEADERS.equals(unit) && item.courtDeadline()) {
            return true;
        }
        return unit.equals(item.unit()) || item.holders().contains(unit);
    }

    private TaskQuery openTasks(String unit) {
        return tasks.createTaskQuery().taskCandidateGroup(unit).includeAssignedTasks().active();
    }

    private Map<String, String> caseNumbers(List<Task> list) {
        Set<String> ids = new HashSet<>();
        list.forEach(t -> {
            if (t.getProcessInstanceId() != null) {
                ids.add(t.getProcessInstanceId());
            }
        });
        Map<String, String> result = new HashMap<>();
        if (!ids.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
                result.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return result;
    }
}
