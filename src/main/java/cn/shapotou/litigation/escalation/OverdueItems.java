package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DeadlineTasks;
import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Every overdue item, read from the engine as it is now: open tasks whose due moment passed, and cases whose
 * statutory answer deadline passed without delivery to the court (watched from registration until delivery, whatever
 * stage the case is in; {@link StatutoryAnswerWatch}), charged to whoever holds the work ({@link CaseWork}).
 *
 * <p>Two set-based reads of the engine's documented tables rather than one engine query per item: the supervision sweep
 * runs every minute and the Justice Bureau's list is asked for at any time, with 50,000 open cases (with 5,000 items
 * overdue it must answer within 100 ms; README「性能基准」). Read only; the engine stays the only writer of its tables.
 */
@Component
public class OverdueItems {

    /** Case variable holding the statutory answer deadline until delivery removes it (ALL Art. 67). */
    public static final String STATUTORY_ANSWER_DUE = "statutoryAnswerDue";


    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final String overdueTasks;
    private final String answerWork;
    private final String timersPending;
    private final String tasksOfActivity;
    private final String executionAt;
    private final String answerTimersPending;

    public OverdueItems(JdbcTemplate jdbc, ManagementService management, UnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
        String task = EngineTable.TASK.tableName(management);
        String execution = EngineTable.EXECUTION.tableName(management);
        String link = EngineTable.IDENTITY_LINK.tableName(management);
        String variable = EngineTable.VARIABLE.tableName(management);
        String groupOf = "(SELECT MIN(l.GROUP_ID_) FROM " + link + " l WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate')";
        // A task's deadline is a task-local variable, at most one per task: joined, not looked up row by row.
        String deadlineOf = variable + " k ON k.TASK_ID_ = t.ID_ AND k.NAME_ = '" + DeadlineTasks.KEY_VARIABLE + "'";
        // Active tasks only (SUSPENSION_STATE_ 1): a suspended case is not anybody's work. The unit is the task's
        // candidate group, claimed or not. The case's statutory answer day, while watched, tells whether a task's
        // internal limit was capped by it (OverdueItem.delayOf): read for the tasks of that limit only, not for each
        // of the 5,000 rows the list may have (README「性能基准」).
        this.overdueTasks = "SELECT t.ID_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_, t.EXECUTION_ID_, t.PROC_INST_ID_, "
                + "p.BUSINESS_KEY_, " + groupOf + " AS UNIT_, k.TEXT_ AS DEADLINE_, CASE WHEN k.TEXT_ = '"
                + CourtDeadlines.ANSWER_MATERIALS + "' THEN (SELECT c.answer_due FROM lit_case c WHERE c.case_number = "
                + "p.BUSINESS_KEY_) END AS answer_due FROM " + task + " t LEFT JOIN " + deadlineOf + " LEFT JOIN "
                + execution + " p ON p.ID_ = t.PROC_INST_ID_ WHERE t.DUE_DATE_ < ? AND t.SUSPENSION_STATE_ = 1";
        // Where a case-level item's incident goes, read only when it is raised (executionAt), not for every listed case.
        this.executionAt = "SELECT MIN(x.ID_) FROM " + execution + " x WHERE x.PROC_INST_ID_ = ? AND x.ACT_ID_ IS NOT NULL";
        this.tasksOfActivity = "SELECT ID_ FROM " + task + " WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?";
        // A timer job's handler configuration is its activity's id (the engine's timer-transition handler).
        this.timersPending = "SELECT t.ID_ FROM " + task + " t JOIN " + EngineTable.JOB.tableName(management)
                + " j ON j.PROCESS_INSTANCE_ID_ = t.PROC_INST_ID_ AND j.TYPE_ = 'timer' AND j.HANDLER_CFG_ = "
                + "CONCAT(t.TASK_DEF_KEY_, '" + DeadlineTimers.SUFFIX + "') WHERE t.DUE_DATE_ < ? AND "
                + "(j.LOCK_EXP_TIME_ > ? OR j.DUEDATE_ > ? OR j.CREATE_TIME_ > ?)";
        this.answerTimersPending = "SELECT c.process_instance_id FROM lit_case c JOIN "
                + EngineTable.JOB.tableName(management) + " j ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id AND "
                + "j.TYPE_ = 'timer' AND j.HANDLER_CFG_ LIKE '%" + DeadlineTimers.STATUTORY_ANSWER_SUFFIX + "' WHERE "
                + "c.answer_due < ? AND (j.LOCK_EXP_TIME_ > ? OR j.DUEDATE_ > ? OR j.CREATE_TIME_ > ?)";
        // Each watched case with the open tasks of every instance carrying its case number (call activities pass the
        // business key on) that serve the answer, i.e. whose deadline is one of the answer's (CaseWork; the others,
        // the 督办 instances' tasks among them, charge nobody with it): one row a task, or one row without a task.
        // The incident goes on an execution that is at an activity now; the case itself if none is.
        // The lead unit and the watched deadline from the case's row (the register keeps them, CaseRegistry): the
        // case's variables are read only for rows that lack them — every variable of every watched case otherwise.
        // The instances are found by the business key alone: the engine writes it on a process instance, not on the
        // instance's child executions, and a task's PROC_INST_ID_ is an instance anyway. A further condition on the
        // instance rows misled one planner or the other at 50,000 cases: PostgreSQL estimated s.ID_ = s.PROC_INST_ID_
        // at a few hundred of 105,005 rows and looked up every instance's tasks one by one; H2 took
        // s.PARENT_ID_ IS NULL to the parent index and read all 105,000 instances for every case
        // (README「性能基准」,「PostgreSQL 上的测量」).
        this.answerWork = "SELECT c.case_number, c.process_instance_id, c.answer_due, "
                + "COALESCE(c.lead_unit, (SELECT MAX(v.TEXT_) FROM " + variable + " v WHERE v.EXECUTION_ID_ = "
                + "c.process_instance_id AND v.TASK_ID_ IS NULL AND v.NAME_ = 'leadUnit')) AS LEAD_, "
                + "COALESCE(c.answer_key, (SELECT MAX(w.TEXT_) FROM " + variable + " w WHERE w.EXECUTION_ID_ = "
                + "c.process_instance_id AND w.TASK_ID_ IS NULL AND w.NAME_ = '" + StatutoryAnswerWatch.WATCHED_KEY
                + "')) AS WATCHED_, t.ID_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_, CASE WHEN t.ID_ IS NULL THEN NULL ELSE "
                + groupOf + " END AS UNIT_, k.TEXT_ AS DEADLINE_ FROM lit_case c JOIN " + execution
                + " p ON p.ID_ = c.process_instance_id LEFT JOIN " + execution + " s ON s.BUSINESS_KEY_ = c.case_number"
                + " LEFT JOIN (" + task + " t JOIN " + deadlineOf + " AND k.TEXT_ IN ("
                + CaseWork.ANSWER_DEADLINES.stream().map(key -> "'" + key + "'").collect(Collectors.joining(", "))
                + ")) ON "
                + "t.PROC_INST_ID_ = s.ID_ AND t.SUSPENSION_STATE_ = 1 WHERE ";
    }

    /**
     * The execution a case-level item's incident goes on: one that is at an activity of the case now, so that the
     * incident ends with that activity and is raised again on the next, naming who holds the work then; the case
     * itself if none is.
     */
    public String executionAt(String caseInstanceId) {
        String at = jdbc.queryForObject(executionAt, String.class, caseInstanceId);
        return at == null ? caseInstanceId : at;
    }

    public List<OverdueItem> now() {
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);
        List<OverdueItem> items = new ArrayList<>(jdbc.query(overdueTasks, taskItem(today),
                new Timestamp(now.getTime())));
        for (CaseWork work : answerWork("c.answer_due < ?", today)) {
            items.add(caseItem(work, today));
        }
        items.sort(Comparator.comparing(OverdueItem::due).thenComparing(OverdueItem::key));
        return items;
    }

    /**
     * The statutory answer item of one case, if overdue now: what the case's answer timer escalates. By the case
     * number, the register's key: a timer's own lookup must not read the other cases (5,000 fire at once).
     */
    public List<OverdueItem> statutoryAnswerOf(String caseNumber) {
        LocalDate today = LegalClock.dateOf(EngineClock.now());
        return answerWork("c.case_number = ? AND c.answer_due < ?", caseNumber, today).stream()
                .map(work -> caseItem(work, today)).toList();
    }

    private OverdueItem caseItem(CaseWork work, LocalDate today) {
        String key = "case:" + work.instanceId() + ":" + CourtDeadlines.STATUTORY_ANSWER;
        // The open tasks holding it read once an item: the list has thousands.
        List<CaseWork.OpenTask> holding = work.holding();
        List<String> holders = work.holders();
        return new OverdueItem(key, work.caseNumber(), work.answerItem(), work.unit(),
                holders.stream().map(units::nameOf).reduce((a, b) -> a + "、" + b).orElseThrow(), work.answerDue(),
                ChronoUnit.DAYS.between(work.answerDue(), today), null,
                work.instanceId(), work.instanceId(),
                holding.stream().map(CaseWork.OpenTask::assignee).filter(a -> a != null).findFirst()
                        .orElse(null), holders, CourtDeadlines.STATUTORY_ANSWER,
                OverdueItem.delayOf(work.caseNumber(), CourtDeadlines.STATUTORY_ANSWER, work.answerDue(), key),
                holding(holding));
    }

    /**
     * The overdue tasks of one activity of one process instance: what its overdue timer escalates. The instance's
     * tasks are found first (by its key), then read as items by their ids: filtered by the due date alone, the
     * database would walk every overdue task of every case for each timer.
     */
    public List<OverdueItem> ofActivity(String processInstanceId, String activityId) {
        List<String> ids = jdbc.queryForList(tasksOfActivity, String.class, processInstanceId, activityId);
        if (ids.isEmpty()) {
            return List.of();
        }
        Date now = EngineClock.now();
        List<Object> args = new ArrayList<>();
        args.add(new Timestamp(now.getTime()));
        args.addAll(ids);
        return jdbc.query(overdueTasks + " AND t.ID_ IN (" + String.join(", ", java.util.Collections.nCopies(
                ids.size(), "?")) + ")", taskItem(LegalClock.dateOf(now)), args.toArray());
    }

    /**
     * The keys of overdue task items whose overdue timer (deadlines.DeadlineTimers) is still the job executor's to
     * fire: locked by a node now, or due or created within the last {@code graceMillis}. The sweep leaves those to
     * their timers, so that the two do not race for one item; a timer not fired within the grace (the executor
     * stalled, or a test moved the clock) is overtaken by the sweep. Either way lit_supervision's key lets one
     * escalation of an item commit.
     */
    public Set<String> leftToTimers(long graceMillis) {
        Timestamp now = new Timestamp(EngineClock.now().getTime());
        Timestamp since = new Timestamp(now.getTime() - graceMillis);
        Set<String> keys = new HashSet<>(jdbc.query(timersPending, (rs, i) -> "task:" + rs.getString(1), now, now,
                since, since));
        keys.addAll(jdbc.query(answerTimersPending, (rs, i) -> "case:" + rs.getString(1) + ":"
                + CourtDeadlines.STATUTORY_ANSWER, LegalClock.dateOf(now), now, since, since));
        return keys;
    }

    private RowMapper<OverdueItem> taskItem(LocalDate today) {
        return (rs, i) -> {
            String unit = rs.getString("UNIT_");
            LocalDate due = dateOf(rs.getTimestamp("DUE_DATE_"));
            String id = rs.getString("ID_");
            String caseNumber = rs.getString("BUSINESS_KEY_");
            String deadline = rs.getString("DEADLINE_");
            // 《办法》第十条第二款: the 7-day materials limit capped by the statutory answer day is that day.
            // (A second instance's materials capped by its own answer day are the same delay as that day; the item is
            // the case's one statutory answer item either way.)
            if (CourtDeadlines.ANSWER_MATERIALS.equals(deadline)
                    && due.equals(rs.getObject("answer_due", LocalDate.class))) {
                deadline = CourtDeadlines.STATUTORY_ANSWER;
            } else if (CourtDeadlines.SECOND_INSTANCE_ANSWER.equals(deadline)) {
                deadline = CourtDeadlines.STATUTORY_ANSWER;
            }
            String key = "task:" + id;
            return new OverdueItem(key, caseNumber, rs.getString("NAME_"), unit,
                    unit == null ? "（未指定）" : units.nameOf(unit), due, ChronoUnit.DAYS.between(due, today), id,
                    rs.getString("EXECUTION_ID_"), rs.getString("PROC_INST_ID_"), rs.getString("ASSIGNEE_"),
                    unit == null ? List.of() : List.of(unit), deadline,
                    OverdueItem.delayOf(caseNumber, deadline, due, key), null);
        };
    }

    /** The cases whose statutory answer is due in [from, to], with who holds their work. */
    List<CaseWork> answerDueBetween(LocalDate from, LocalDate to) {
        return answerWork("c.answer_due BETWEEN ? AND ?", from, to);
    }

    /** The case-level read under a condition on the register row {@code c}, as {@link #answerWork} runs it. */
    String answerWorkQuery(String condition) {
        return answerWork + condition;
    }

    private List<CaseWork> answerWork(String condition, Object... args) {
        Map<String, CaseWork> cases = new LinkedHashMap<>();
        jdbc.query(answerWorkQuery(condition), (ResultSet rs) -> {
            String instance = rs.getString("process_instance_id");
            CaseWork work = cases.computeIfAbsent(instance, k -> caseWork(rs, instance));
            if (rs.getString("ID_") != null) {
                work.tasks().add(new CaseWork.OpenTask(rs.getString("ID_"), rs.getString("NAME_"),
                        rs.getString("UNIT_"), rs.getString("ASSIGNEE_"), dateOf(rs.getTimestamp("DUE_DATE_")),
                        rs.getString("DEADLINE_")));
            }
        }, args);
        return new ArrayList<>(cases.values());
    }

    private static CaseWork caseWork(ResultSet rs, String instance) {
        try {
            String watched = rs.getString("WATCHED_");
            return new CaseWork(rs.getString("case_number"), instance, rs.getObject("answer_due", LocalDate.class),
                    watched == null ? CourtDeadlines.STATUTORY_ANSWER : watched, rs.getString("LEAD_"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** e.g. 区司法局「拟定办理建议」; null when no task holds it. */
    private String holding(List<CaseWork.OpenTask> holding) {
        List<String> held = holding.stream()
                .map(t -> units.nameOf(t.group()) + "「" + t.name() + "」").distinct().toList();
        return held.isEmpty() ? null : String.join("、", held);
    }

    private static LocalDate dateOf(Timestamp timestamp) {
        return timestamp == null ? null : LegalClock.dateOf(new Date(timestamp.getTime()));
    }
}
