package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.robots.RobotNotices;
import cn.shapotou.litigation.units.UnitDirectory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminders before a retrial or enforcement window closes ({@link CaseWindows}; 法释〔2018〕1号 Art. 110, 153;
 * regulation Art. 15, 16), also for an archived case, whose stages have no task left to carry them: at the first
 * reminder point ({@code litigation.escalation.window-reminder-days}, default 30, 7, 2 and 0 days before) the handling
 * unit gets a reminder task in Tasklist, which later points comment on; two days before, the district leaders are told
 * too (Art. 3). The task has the window's day as its follow-up date, not as a due date: a window left unused is the
 * unit's choice, not an overdue item. It goes by itself when the window is used or has closed.
 */
@Component
public class WindowReminders {

    static final String WINDOW_VARIABLE = "reminderOfWindow";

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseWindows windows;
    private final Reminders reminders;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final List<Integer> offsets;
    private final int leaderDays;

    /** The units' DingTalk/WeCom group robots get what is mailed here (robots/RobotNotices). */
    @Autowired
    private RobotNotices robots;

    public WindowReminders(CaseWindows windows, Reminders reminders, TaskService tasks, JdbcTemplate jdbc,
                           UnitDirectory units,
                           @Value("${litigation.escalation.window-reminder-days:30,7,2,0}") String offsets,
                           @Value("${litigation.escalation.leader-days:2}") int leaderDays) {
        this.windows = windows;
        this.reminders = reminders;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.units = units;
        this.offsets = Arrays.stream(offsets.split(",")).map(String::strip).map(Integer::valueOf).sorted().toList();
        this.leaderDays = leaderDays;
    }

    public void sendDue() {
        LocalDate today = LegalClock.dateOf(EngineClock.now());
        closeExpired(today);
        int furthest = Math.max(offsets.get(offsets.size() - 1), leaderDays);
        Set<String> sent = new HashSet<>(jdbc.queryForList("SELECT reminder_key FROM lit_reminder", String.class));
        for (CaseWindows.Window window : windows.dueBetween(today, today.plusDays(furthest))) {
            long daysLeft = ChronoUnit.DAYS.between(today, window.due());
            Integer offset = offsets.stream().filter(o -> daysLeft <= o).findFirst().orElse(null);
            if (offset != null && !sent.contains(key("window", window, offset))) {
                remindUnit(window, daysLeft);
                offsets.stream().filter(o -> o >= offset).forEach(o -> record(key("window", window, o), window, sent));
            }
            if (daysLeft <= leaderDays && !sent.contains(key("leaders", window, 0))) {
                remindLeaders(window, daysLeft);
                record(key("leaders", window, 0), window, sent);
            }
        }
    }

    private void remindUnit(CaseWindows.Window window, long daysLeft) {
        String text = text(window, daysLeft);
        Task task = reminderTask(window).orElseGet(() -> {
            Task fresh = tasks.newTask();
            fresh.setName("提醒：" + DeadlineKind.ofKey(window.key()).label() + "将于" + CHINESE_DATE.format(window.due())
                    + "届满 " + window.caseNumber());
            fresh.setDescription(text);
            fresh.setFollowUpDate(LegalClock.endOfDay(window.due()));
            fresh.setPriority(70);
            tasks.saveTask(fresh);
            tasks.addCandidateGroup(fresh.getId(), unitOf(window));
            tasks.setVariablesLocal(fresh.getId(), Map.of(WINDOW_VARIABLE, window.caseNumber() + "|" + window.key(),
                    "caseNumber", window.caseNumber(), "deadlineText", text));
            return fresh;
        });
        tasks.createComment(task.getId(), null, text);
        List<String> to = new ArrayList<>();
        reminders.addMembers(unitOf(window), to);
        reminders.mail(to, "【行政应诉】" + DeadlineKind.ofKey(window.key()).label() + "即将届满 " + window.caseNumber(), text);
        robots.caseReminder(List.of(unitOf(window)), window.caseNumber(), DeadlineKind.ofKey(window.key()).label(),
                window.due(), daysLeft, task.getId(), text);
    }

    private void remindLeaders(CaseWindows.Window window, long daysLeft) {
        String text = "提醒区政府领导：" + text(window, daysLeft);
        reminderTask(window).ifPresent(t -> {
            tasks.addCandidateGroup(t.getId(), UnitDirectory.DISTRICT_LEADERS);
            tasks.createComment(t.getId(), null, text);
        });
        List<String> to = new ArrayList<>();
        reminders.addMembers(UnitDirectory.DISTRICT_LEADERS, to);
        reminders.mail(to, "【行政应诉】法定期限即将届满，请领导督促 " + window.caseNumber(), text);
        robots.leaders(window.caseNumber(), DeadlineKind.ofKey(window.key()).label(), window.due(), daysLeft,
                units.nameOf(unitOf(window)), reminderTask(window).map(Task::getId).orElse(null), text);
    }

    private String text(CaseWindows.Window window, long daysLeft) {
        DeadlineKind kind = DeadlineKind.ofKey(window.key());
        String what = kind == DeadlineKind.RETRIAL
                ? "认为生效裁判确有错误需要申请再审的，须报区人民政府同意后在期限内提出（《沙坡头区人民政府行政应诉工作办法》第十五条）"
                : "对方当事人拒不履行的，须在期限内提出申请人民法院强制执行的建议（《沙坡头区人民政府行政应诉工作办法》第十六条）";
        return "案号" + window.caseNumber() + "「" + kind.label() + "」将于" + CHINESE_DATE.format(window.due()) + "24时届满"
                + (daysLeft == 0 ? "（今日届满）" : "（还有" + daysLeft + "日）") + "，承办单位：" + units.nameOf(unitOf(window))
                + "。" + what + "；逾期不能再提出。法律依据：" + kind.basis() + "。";
    }

    /** Windows that closed or were used: their reminder tasks go, with a note why. */
    private void closeExpired(LocalDate today) {
        jdbc.update("DELETE FROM lit_case_window WHERE due < ?", today);
        for (Task task : reminderTasks()) {
            String[] window = String.valueOf(tasks.getVariableLocal(task.getId(), WINDOW_VARIABLE)).split("\\|", 2);
            if (window.length == 2 && windows.of(window[0]).stream().noneMatch(w -> w.key().equals(window[1]))) {
                tasks.createComment(task.getId(), null, "该期限已届满或已提出申请，提醒自动结束。");
                tasks.complete(task.getId());
            }
        }
    }

    private List<Task> reminderTasks() {
        return tasks.createTaskQuery().taskVariableValueLike(WINDOW_VARIABLE, "%|%").list();
    }

    private java.util.Optional<Task> reminderTask(CaseWindows.Window window) {
        return tasks.createTaskQuery().taskVariableValueEquals(WINDOW_VARIABLE, window.caseNumber() + "|" + window.key())
                .list().stream().findFirst();
    }

    private static String unitOf(CaseWindows.Window window) {
        return window.unit() != null ? window.unit() : UnitDirectory.JUSTICE_BUREAU;
    }

    private static String key(String who, CaseWindows.Window window, int offset) {
        return who + "|" + window.caseNumber() + "|" + window.key() + "|" + window.due() + "|" + offset;
    }

    private void record(String key, CaseWindows.Window window, Set<String> sent) {
        if (sent.add(key)) {
            jdbc.update("INSERT INTO lit_reminder (reminder_key, case_number, due, sent_at) VALUES (?, ?, ?, ?)", key,
                    window.caseNumber(), window.due(), new Timestamp(EngineClock.now().getTime()));
        }
    }
}
