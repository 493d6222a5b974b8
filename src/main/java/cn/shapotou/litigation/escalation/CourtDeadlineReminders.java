package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DeadlineTasks;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.robots.RobotNotices;
import cn.shapotou.litigation.units.UnitDirectory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import cn.shapotou.litigation.engine.EngineTable;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminders of the case's own deadlines, beside the reminders of each task ({@link Reminders}):
 * <ul>
 * <li>the statutory answer (行政诉讼法第六十七条), a deadline of the case rather than of one task: on the reminder days
 * (2 days before and on the day by default) the case records it, and the units holding the answer's work are told
 * where their own task is due earlier (the 7-day materials of 《办法》第十条第二款; a task due on the answer day
 * has its own reminder);</li>
 * <li>every statutory court deadline ({@link CourtDeadlines}) not yet met: {@code litigation.escalation.leader-days}
 * (default 2) days before it, the district leaders too (《办法》第三条: the district government leads response
 * work), recorded on the case and on the task that holds it, and mailed to the members of {@code district-leaders}.</li>
 * </ul>
 * Each is sent once: a row in {@code lit_reminder}, written in the sweep's transaction, says it was (the sweep runs
 * as a job, once a minute in the whole cluster). Set-based reads: only deadlines inside the reminder window.
 */
@Component
public class CourtDeadlineReminders {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final OverdueItems work;
    private final Reminders reminders;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final int leaderDays;
    private final String courtTasks;

    /** The units' DingTalk/WeCom group robots get what is mailed here (robots/RobotNotices). */
    @Autowired
    private RobotNotices robots;

    public CourtDeadlineReminders(OverdueItems work, Reminders reminders, TaskService tasks, JdbcTemplate jdbc,
                                  UnitDirectory units, ManagementService management,
                                  @Value("${litigation.escalation.leader-days:2}") int leaderDays) {
        this.work = work;
        this.reminders = reminders;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.units = units;
        this.leaderDays = leaderDays;
        String task = EngineTable.TASK.tableName(management);
        String execution = EngineTable.EXECUTION.tableName(management);
        String link = EngineTable.IDENTITY_LINK.tableName(management);
        String variable = EngineTable.VARIABLE.tableName(management);
        String keys = CourtDeadlines.KEYS.stream().sorted().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
        // Open tasks due inside the window that serve a statutory court deadline, with their case's own instance.
        this.courtTasks = "SELECT t.ID_, t.NAME_, t.DUE_DATE_, t.PROC_INST_ID_, c.case_number, c.process_instance_id, "
                + "k.TEXT_ AS DEADLINE_, (SELECT MIN(l.GROUP_ID_) FROM " + link + " l WHERE l.TASK_ID_ = t.ID_ AND "
                + "l.TYPE_ = 'candidate') AS UNIT_ FROM " + task + " t JOIN " + variable + " k ON k.TASK_ID_ = t.ID_ "
                + "AND k.NAME_ = '" + DeadlineTasks.KEY_VARIABLE + "' AND k.TEXT_ IN (" + keys + ") JOIN " + execution
                + " p ON p.ID_ = t.PROC_INST_ID_ JOIN lit_case c ON c.case_number = p.BUSINESS_KEY_ "
                + "WHERE t.DUE_DATE_ >= ? AND t.DUE_DATE_ < ? AND t.SUSPENSION_STATE_ = 1";
    }

    public void sendDue() {
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);
        List<Integer> offsets = reminders.offsets();
        int furthest = Math.max(offsets.get(offsets.size() - 1), leaderDays);
        jdbc.update("DELETE FROM lit_reminder WHERE due < ?", today);
        Set<String> sent = new HashSet<>(jdbc.queryForList("SELECT reminder_key FROM lit_reminder", String.class));

        for (CaseWork answer : work.answerDueBetween(today, today.plusDays(furthest))) {
            long daysLeft = ChronoUnit.DAYS.between(today, answer.answerDue());
            remindOfAnswer(answer, daysLeft, offsets, sent);
            String leaders = leadersKey(answer.caseNumber(), CourtDeadlines.STATUTORY_ANSWER, answer.answerDue());
            if (daysLeft <= leaderDays && !sent.contains(leaders)) {
                List<CaseWork.OpenTask> holding = answer.holding();
                String holder = holding.isEmpty() ? units.nameOf(answer.unit()) : holding.stream()
                        .map(t -> units.nameOf(t.group()) + "「" + t.name() + "」").distinct()
                        .collect(Collectors.joining("、"));
                remindLeaders(answer.caseNumber(), answer.instanceId(), CourtDeadlines.STATUTORY_ANSWER,
                        answer.answerDue(), daysLeft, holder, holding.stream().map(CaseWork.OpenTask::id).toList());
                record(leaders, answer.caseNumber(), answer.answerDue(), sent);
            }
        }

        // Other court deadlines have no case-level item: the tasks serving them tell which are near and who holds
        // them. The statutory answer's tasks find the reminder above already recorded.
        Map<String, List<CourtTask>> byDeadline = new LinkedHashMap<>();
        Date horizon = new Date(LegalClock.endOfDay(today.plusDays(leaderDays)).getTime() + 1000);
        jdbc.query(courtTasks, (rs, i) -> new CourtTask(rs.getString("ID_"), rs.getString("NAME_"),
                        rs.getString("UNIT_"), LegalClock.dateOf(new Date(rs.getTimestamp("DUE_DATE_").getTime())),
                        rs.getString("DEADLINE_"), rs.getString("case_number"), rs.getString("process_instance_id")),
                new Timestamp(now.getTime()), new Timestamp(horizon.getTime()))
                .forEach(t -> byDeadline.computeIfAbsent(leadersKey(t.caseNumber(), t.deadline(), t.due()),
                        k -> new ArrayList<>()).add(t));
        byDeadline.forEach((key, held) -> {
            if (sent.contains(key)) {
                return;
            }
            CourtTask first = held.get(0);
            String holder = held.stream().map(t -> (t.group() == null ? "" : units.nameOf(t.group())) + "「"
                    + t.name() + "」").distinct().collect(Collectors.joining("、"));
            remindLeaders(first.caseNumber(), first.caseInstanceId(), first.deadline(), first.due(),
                    ChronoUnit.DAYS.between(today, first.due()), holder, held.stream().map(CourtTask::id).toList());
            record(key, first.caseNumber(), first.due(), sent);
        });
    }

    private record CourtTask(String id, String name, String group, LocalDate due, String deadline, String caseNumber,
                             String caseInstanceId) {}

    /** The case-level statutory answer on its reminder days: once each, the nearest point reached only. */
    private void remindOfAnswer(CaseWork answer, long daysLeft, List<Integer> offsets, Set<String> sent) {
        Integer offset = offsets.stream().filter(o -> daysLeft <= o).findFirst().orElse(null);
        if (offset == null || sent.contains(answerKey(answer, offset))) {
            return;
        }
        List<CaseWork.OpenTask> told = answer.holding().stream()
                .filter(t -> !answer.answerDue().equals(t.due())).toList();
        String text = "提醒：案号" + answer.caseNumber() + "「" + answer.answerItem() + "」将于"
                + CHINESE_DATE.format(answer.answerDue()) + "24时届满" + left(daysLeft) + "，答辩状及证据尚未送交人民法院；"
                + "逾期提供证据的，视为没有相应证据（《中华人民共和国行政诉讼法》第三十四条第二款、第六十七条）。";
        tasks.createComment(null, answer.instanceId(), text);
        List<String> to = new ArrayList<>();
        for (CaseWork.OpenTask task : told) {
            tasks.createComment(task.id(), null, text);
            reminders.addMembers(task.group(), to);
        }
        if (answer.holding().isEmpty()) {
            reminders.addMembers(answer.unit(), to);
        }
        reminders.mail(to, "【行政应诉】法定答辩期限即将届满 " + answer.caseNumber(), text);
        robots.caseReminder(answer.holding().isEmpty() ? List.of(answer.unit())
                        : told.stream().map(CaseWork.OpenTask::group).filter(g -> g != null).toList(),
                answer.caseNumber(), answer.answerItem(), answer.answerDue(), daysLeft,
                told.isEmpty() ? null : told.get(0).id(), text);
        offsets.stream().filter(o -> o >= offset).forEach(o -> record(answerKey(answer, o), answer.caseNumber(),
                answer.answerDue(), sent));
    }

    private void remindLeaders(String caseNumber, String caseInstanceId, String deadline, LocalDate due,
                               long daysLeft, String holder, List<String> taskIds) {
        String text = "提醒区政府领导：案号" + caseNumber + "「" + CourtDeadlines.label(deadline) + "」将于"
                + CHINESE_DATE.format(due) + "24时届满" + left(daysLeft) + "，尚未完成" + (holder.isBlank() ? ""
                : "，现由" + holder + "办理") + "。此为法定期限，请督促按期办理（《沙坡头区人民政府行政应诉工作办法》第三条）。";
        tasks.createComment(null, caseInstanceId, text);
        taskIds.forEach(id -> tasks.createComment(id, null, text));
        List<String> to = new ArrayList<>();
        reminders.addMembers(UnitDirectory.DISTRICT_LEADERS, to);
        robots.leaders(caseNumber, CourtDeadlines.label(deadline), due, daysLeft, holder,
                taskIds.isEmpty() ? null : taskIds.get(0), text);
        reminders.mail(to, "【行政应诉】法定期限即将届满，请领导督促 " + caseNumber,
                text + "\n\n案件：/cases/" + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    private void record(String key, String caseNumber, LocalDate due, Set<String> sent) {
        if (sent.add(key)) {
            jdbc.update("INSERT INTO lit_reminder (reminder_key, case_number, due, sent_at) VALUES (?, ?, ?, ?)", key,
                    caseNumber, due, new Timestamp(EngineClock.now().getTime()));
        }
    }

    private static String answerKey(CaseWork answer, int offset) {
        return "answer|" + answer.caseNumber() + "|" + answer.answerDue() + "|" + offset;
    }

    /** One leaders' reminder a deadline day of a case, whichever of its tasks or its case-level item is near. */
    private static String leadersKey(String caseNumber, String deadline, LocalDate due) {
        return "leaders|" + caseNumber + "|" + deadline + "|" + due;
    }

    private static String left(long daysLeft) {
        return daysLeft == 0 ? "（今日届满）" : "（还有" + daysLeft + "日）";
    }
}
