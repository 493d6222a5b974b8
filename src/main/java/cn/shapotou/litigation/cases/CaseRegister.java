package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.decisions.Outcome;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.engine.EngineTable;
import cn.shapotou.litigation.escalation.CourtDeadlines;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FormValues;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case register (案件台账) the Justice Bureau keeps of every case (Art. 3), as {@code GET /api/cases} lists it:
 * filtered, sorted and paged by one query on {@code lit_case}, so that a page costs the same at 50,000 cases as at 50;
 * what changes with every step of a case (stage, deadlines, overdue items, decisions) is read for the page's rows
 * only, each kind with one query for all of them. A unit sees the cases it takes part in (CaseAccess).
 */
@Component
public class CaseRegister {

    public static final Set<String> SORT_FIELDS = Set.of("receivedOn", "caseNumber");

    private static final Map<String, String> SORT_COLUMNS = Map.of("receivedOn", "c.received_on",
            "caseNumber", "c.case_number");
    private static final Map<String, String> COURT_INSTANCES = Map.of("FIRST", "第一审", "SECOND", "第二审",
            "RETRIAL", "再审");
    private static final List<String> ROW_VARIABLES = List.of("leadUnitName", "courtInstance", "decisions",
            "hearings", "archivedOn", CaseDeadlineVariable.NAME);
    /** The engine's bulk IN lists stay well below every database's limit. */
    private static final int CHUNK = 500;

    /** What the caller asks for; null for a filter not given. */
    public record Filter(String status, String unit, Integer year, boolean overdue, String q) {}

    public record Sort(String field, boolean descending) {}

    /** A row of {@code lit_case}. */
    public record Row(String caseNumber, String instanceId, String court, String plaintiff, String cause,
                      String leadUnit, LocalDate receivedOn, String status, LocalDate closedOn, LocalDate answerDue) {}

    private record Where(String sql, List<Object> args) {}

    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final String executionTable;
    private final String definitionTable;
    private final String taskTable;
    private final String variableTable;
    private final String historicTable;
    private final String byteArrayTable;

    public CaseRegister(JdbcTemplate jdbc, ManagementService management, UnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
        this.executionTable = EngineTable.EXECUTION.tableName(management);
        this.definitionTable = EngineTable.PROCESS_DEFINITION.tableName(management);
        this.taskTable = EngineTable.TASK.tableName(management);
        this.variableTable = EngineTable.VARIABLE.tableName(management);
        this.historicTable = EngineTable.HISTORIC_VARIABLE.tableName(management);
        this.byteArrayTable = EngineTable.BYTE_ARRAY.tableName(management);
    }

    /** Whether these groups see every case: the supervisors (Art. 3) and the units that take part in every case. */
    public static boolean seesAll(Collection<String> groups) {
        return Roles.any(groups, Roles.SUPERVISORS) || groups.stream().anyMatch(CaseAccess.EVERY_CASE::contains);
    }

    public long count(Filter filter, Collection<String> groups) {
        Where where = where(filter, groups);
        Long count = jdbc.queryForObject("SELECT COUNT(*)" + where.sql(), Long.class, where.args().toArray());
        return count == null ? 0 : count;
    }

    public List<Row> rows(Filter filter, Collection<String> groups, Sort sort, long offset, int limit) {
        Where where = where(filter, groups);
        List<Object> args = new ArrayList<>(where.args());
        args.add(offset);
        args.add(limit);
        return select(where.sql() + order(sort) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args);
    }

    /**
     * The next {@code limit} rows after {@code after} (from the first when null) in the order of {@link #rows}: keyset
     * paging, so that reading every case in batches reads each row once (OFFSET would walk all earlier rows again for
     * every batch). A batch reads {@code lit_case_received} (or the primary key) from the previous batch's last key.
     * Cases without a receipt day come where the database sorts nulls, as in {@link #rows}: before or after all the
     * others, read as a segment of their own.
     */
    public List<Row> rowsAfter(Filter filter, Collection<String> groups, Sort sort, Row after, int limit) {
        Where where = where(filter, groups);
        String less = sort.descending() ? " < ?" : " > ?";
        if ("caseNumber".equals(sort.field())) {
            List<Object> args = new ArrayList<>(where.args());
            String keyset = "";
            if (after != null) {
                keyset = " AND c.case_number" + less;
                args.add(after.caseNumber());
            }
            args.add(limit);
            return select(where.sql() + keyset + order(sort) + " FETCH FIRST ? ROWS ONLY", args);
        }
        boolean nullsFirst = nullsFirst(sort.descending());
        // The segments in the order the database sorts them: undated cases (ordered by number) and dated ones.
        List<Boolean> dated = nullsFirst ? List.of(false, true) : List.of(true, false);
        int segment = after == null ? 0 : dated.indexOf(after.receivedOn() != null);
        List<Row> rows = new ArrayList<>();
        for (; segment < dated.size() && rows.size() < limit; segment++) {
            List<Object> args = new ArrayList<>(where.args());
            StringBuilder keyset = new StringBuilder(dated.get(segment) ? " AND c.received_on IS NOT NULL"
                    : " AND c.received_on IS NULL");
            if (after != null && rows.isEmpty() && dated.get(segment) == (after.receivedOn() != null)) {
                if (after.receivedOn() == null) {
                    keyset.append(" AND c.case_number").append(less);
                } else {
                    // The first condition alone bounds the index range; the second skips the rows of that day read.
                    keyset.append(" AND c.received_on").append(sort.descending() ? " <= ?" : " >= ?")
                            .append(" AND (c.received_on").append(less).append(" OR c.case_number").append(less)
                            .append(")");
                    args.add(after.receivedOn());
                    args.add(after.receivedOn());
                }
                args.add(after.caseNumber());
            }
            args.add(limit - rows.size());
            rows.addAll(select(where.sql() + keyset + order(sort) + " FETCH FIRST ? ROWS ONLY", args));
        }
        return rows;
    }

    /** The order of the register: the field asked for, then the case number, which breaks ties. */
    private static String order(Sort sort) {
        String direction = sort.descending() ? " DESC" : " ASC";
        // The case number breaks ties, so that paging never shows a case twice or skips one.
        return " ORDER BY " + SORT_COLUMNS.get(sort.field()) + direction
                + ("caseNumber".equals(sort.field()) ? "" : ", c.case_number" + direction);
    }

    private List<Row> select(String from, List<Object> args) {
        return jdbc.query("SELECT c.case_number, c.process_instance_id, c.court, c.plaintiff, c.cause, c.lead_unit, "
                + "c.received_on, c.status, c.closed_on, c.answer_due" + from, (rs, i) -> new Row(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class)), args.toArray());
    }

    private volatile Boolean[] nullsFirst;

    /** Whether the database sorts a null receipt day before every other in this direction (H2 and PostgreSQL differ). */
    private boolean nullsFirst(boolean descending) {
        Boolean[] known = nullsFirst;
        if (known == null) {
            known = jdbc.execute((java.sql.Connection connection) -> {
                java.sql.DatabaseMetaData meta = connection.getMetaData();
                boolean start = meta.nullsAreSortedAtStart();
                boolean end = meta.nullsAreSortedAtEnd();
                boolean high = meta.nullsAreSortedHigh();
                // Ascending, then descending.
                return new Boolean[] {start || (!end && !high), start || (!end && high)};
            });
            nullsFirst = known;
        }
        return known[descending ? 1 : 0];
    }

    private Where where(Filter filter, Collection<String> groups) {
        StringBuilder sql = new StringBuilder(" FROM lit_case c WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!seesAll(groups)) {
            List<String> own = List.copyOf(groups);
            if (own.isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND EXISTS (SELECT 1 FROM lit_case_unit v WHERE v.case_number = c.case_number AND v.unit IN (")
                        .append(placeholders(own.size())).append("))");
                args.addAll(own);
            }
        }
        if (filter.status() != null) {
            sql.append(" AND c.status = ?");
            args.add(filter.status());
        }
        // A unit that takes part in every case has every case; any other the cases it has a row for.
        if (filter.unit() != null && !CaseAccess.EVERY_CASE.contains(filter.unit())) {
            sql.append(" AND EXISTS (SELECT 1 FROM lit_case_unit u WHERE u.case_number = c.case_number AND u.unit = ?)");
            args.add(filter.unit());
        }
        if (filter.year() != null) {
            sql.append(" AND c.received_on >= ? AND c.received_on < ?");
            args.add(LocalDate.of(filter.year(), 1, 1));
            args.add(LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.q() != null) {
            String like = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (c.case_number LIKE ? ESCAPE '\\' OR c.plaintiff LIKE ? ESCAPE '\\' "
                    + "OR c.cause LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (filter.overdue()) {
            // Overdue as the supervision sees it (Art. 3) and as each row lists it (overdue(…) below, the same two
            // conditions): the statutory answer day passed without delivery (ALL Art. 67), or an open task of the
            // case past its due moment. An escalated item not yet done is one of these until it is done.
            Date now = EngineClock.now();
            sql.append(" AND ((c.status = 'OPEN' AND c.answer_due < ?)"
                    + " OR EXISTS (SELECT 1 FROM " + taskTable + " t JOIN " + executionTable
                    + " p ON p.ID_ = t.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = c.case_number AND t.DUE_DATE_ < ?"
                    + " AND t.SUSPENSION_STATE_ = 1))");
            args.add(LegalClock.dateOf(now));
            args.add(new Timestamp(now.getTime()));
        }
        return new Where(sql.toString(), args);
    }

    /**
     * The rows as the register shows them, in their order: with the stage, the next deadline, the overdue items, the
     * court instance and the decision, read for all rows at once (a handful of queries whatever the number of rows).
     */
    public List<Map<String, Object>> items(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> numbers = rows.stream().map(Row::caseNumber).toList();
        Date now = EngineClock.now();
        LocalDate today = LegalClock.dateOf(now);

        // Every running instance carrying a case number (call activities pass the business key on): the case's own
        // and its stages, as CaseDetails shows them.
        Map<String, List<String[]>> stagesByCase = new HashMap<>();
        Map<String, String> stageInstances = new LinkedHashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            jdbc.query("SELECT p.ID_, p.BUSINESS_KEY_, d.KEY_, d.NAME_ FROM " + executionTable + " p JOIN "
                    + definitionTable + " d ON d.ID_ = p.PROC_DEF_ID_ WHERE p.ID_ = p.PROC_INST_ID_ "
                    + "AND p.SUSPENSION_STATE_ = 1 AND p.BUSINESS_KEY_ IN (" + placeholders(chunk.size()) + ")", rs -> {
                if (!CaseDetails.NOT_STAGES.contains(rs.getString(3))) {
                    stagesByCase.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(3), rs.getString(4)});
                    stageInstances.put(rs.getString(1), rs.getString(2));
                }
            }, chunk.toArray());
        }
        // Every open task of those instances: the step a case waits at, the internal limits (Art. 10 ¶2) and what
        // is overdue.
        Map<String, List<Map<String, Object>>> tasksByCase = new HashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            jdbc.query("SELECT p.BUSINESS_KEY_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.DUE_DATE_ FROM " + taskTable
                    + " t JOIN " + executionTable + " p ON p.ID_ = t.PROC_INST_ID_ WHERE t.SUSPENSION_STATE_ = 1 "
                    + "AND p.BUSINESS_KEY_ IN (" + placeholders(chunk.size()) + ") ORDER BY t.CREATE_TIME_", rs -> {
                Map<String, Object> task = new HashMap<>();
                task.put("instance", rs.getString(2));
                task.put("key", rs.getString(3));
                task.put("name", rs.getString(4));
                Timestamp due = rs.getTimestamp(5);
                task.put("due", due);
                tasksByCase.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(task);
            }, chunk.toArray());
        }

        Map<String, Map<String, Object>> vars = caseVariables(rows, stageInstances);
        Map<String, List<Map<String, Object>>> windows = new HashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            jdbc.query("SELECT case_number, deadline_key, due FROM lit_case_window WHERE case_number IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                LocalDate due = rs.getObject(3, LocalDate.class);
                windows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Map.of("item",
                        CourtDeadlines.label(rs.getString(2)), "due", due.toString()));
            }, chunk.toArray());
        }

        List<Map<String, Object>> items = new ArrayList<>();
        for (Row row : rows) {
            boolean open = CaseRegistry.OPEN.equals(row.status());
            Map<String, Object> v = vars.getOrDefault(row.caseNumber(), Map.of());
            List<Map<String, Object>> tasks = tasksByCase.getOrDefault(row.caseNumber(), List.of());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("caseNumber", row.caseNumber());
            item.put("court", row.court());
            item.put("plaintiff", row.plaintiff());
            item.put("causeOfAction", row.cause());
            item.put("leadUnit", row.leadUnit());
            Object leadName = v.get("leadUnitName");
            item.put("leadUnitName", leadName != null ? leadName
                    : row.leadUnit() == null ? null : units.nameOf(row.leadUnit()));
            // Closed without being archived: the case's process was ended by an operator (deleted in Cockpit),
            // nothing more will happen in it; the register must not call that 已归档 (Art. 18).
            boolean terminated = !open && v.get("archivedOn") == null;
            item.put("status", row.status());
            item.put("statusLabel", open ? "办理中" : terminated ? "已终止（未归档）" : "已归档");
            stage(item, open, terminated, stagesByCase.getOrDefault(row.caseNumber(), List.of()), tasks,
                    row.instanceId());
            item.put("receivedOn", row.receivedOn() == null ? null : row.receivedOn().toString());
            item.put("closedOn", row.closedOn() == null ? null : row.closedOn().toString());
            // A retrial or enforcement window stays open after archiving (法释〔2018〕1号第一百一十条、第一百五十三条).
            item.put("nextDeadline", nextDeadline(open ? v.get(CaseDeadlineVariable.NAME) : null, tasks,
                    windows.getOrDefault(row.caseNumber(), List.of()), now, today));
            item.put("overdueItems", overdue(row, open, tasks, now, today));
            Object instance = v.getOrDefault("courtInstance", "FIRST");
            item.put("courtInstance", instance);
            item.put("courtInstanceLabel", COURT_INSTANCES.getOrDefault(String.valueOf(instance),
                    String.valueOf(instance)));
            decision(item, v.get("decisions"));
            item.put("headAppeared", headAppeared(v.get("hearings")));
            item.put("archivedOn", v.get("archivedOn"));
            items.add(item);
        }
        return items;
    }

    /**
     * The case's own variables these rows need: open cases from the runtime, archived ones from history. Read from the
     * engine's documented tables with their JSON in one query each (read only, as OverdueItems does): through the
     * engine's query API every JSON variable would be one more query for its bytes.
     */
    private Map<String, Map<String, Object>> caseVariables(List<Row> rows, Map<String, String> stageInstances) {
        Map<String, String> caseOfInstance = new HashMap<>();
        List<String> open = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (Row row : rows) {
            caseOfInstance.put(row.instanceId(), row.caseNumber());
            (CaseRegistry.OPEN.equals(row.status()) ? open : closed).add(row.instanceId());
        }
        Map<String, Map<String, Object>> result = new HashMap<>();
        String names = ROW_VARIABLES.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
        for (List<String> chunk : chunks(open)) {
            // By the variable's scope and name, the engine's unique index (ACT_UNIQ_VARIABLE): the instance's own
            // variables only, without reading the dozens of others each case keeps (50,000 cases, README「性能基准」).
            jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.TYPE_, v.TEXT_, v.LONG_, b.BYTES_ FROM " + variableTable
                    + " v LEFT JOIN " + byteArrayTable + " b ON b.ID_ = v.BYTEARRAY_ID_ WHERE v.VAR_SCOPE_ IN ("
                    + placeholders(chunk.size()) + ") AND v.NAME_ IN (" + names + ")", rs -> {
                result.computeIfAbsent(caseOfInstance.get(rs.getString(1)), k -> new HashMap<>())
                        .put(rs.getString(2), value(rs.getString(3), rs.getString(4), rs.getObject(5), rs.getBytes(6)));
            }, chunk.toArray());
        }
        // An open stage holds the newest copy of the deadlines (e.g. the 7-day limit while the answer is prepared),
        // as CaseDetails.render shows them.
        for (List<String> chunk : chunks(List.copyOf(stageInstances.keySet()))) {
            // The stage keeps it at its own scope (CaseDeadlineVariable.write sets it where it is held).
            jdbc.query("SELECT v.PROC_INST_ID_, v.TYPE_, v.TEXT_, v.LONG_, b.BYTES_ FROM " + variableTable + " v LEFT JOIN "
                    + byteArrayTable + " b ON b.ID_ = v.BYTEARRAY_ID_ WHERE v.VAR_SCOPE_ IN ("
                    + placeholders(chunk.size()) + ") AND v.NAME_ = '" + CaseDeadlineVariable.NAME + "'", rs -> {
                Map<String, Object> vars = result.get(stageInstances.get(rs.getString(1)));
                if (vars != null) {
                    vars.put(CaseDeadlineVariable.NAME, value(rs.getString(2), rs.getString(3), rs.getObject(4),
                            rs.getBytes(5)));
                }
            }, chunk.toArray());
        }
        for (List<String> chunk : chunks(closed)) {
            jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_, b.BYTES_ FROM " + historicTable
                    + " v LEFT JOIN " + byteArrayTable + " b ON b.ID_ = v.BYTEARRAY_ID_ WHERE v.PROC_INST_ID_ IN ("
                    + placeholders(chunk.size()) + ") AND (v.EXECUTION_ID_ = v.PROC_INST_ID_ "
                    + "OR v.ACT_INST_ID_ = v.PROC_INST_ID_) AND v.TASK_ID_ IS NULL AND v.NAME_ IN (" + names + ")", rs -> {
                result.computeIfAbsent(caseOfInstance.get(rs.getString(1)), k -> new HashMap<>())
                        .put(rs.getString(2), value(rs.getString(3), rs.getString(4), rs.getObject(5), rs.getBytes(6)));
            }, chunk.toArray());
        }
        return result;
    }

    /** A stored value as the register uses it: JSON as its text, booleans as such, everything else as text. */
    private static Object value(String type, String text, Object number, byte[] bytes) {
        if ("json".equals(type)) {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        if ("boolean".equals(type)) {
            return number == null ? null : ((Number) number).longValue() == 1;
        }
        if ("null".equals(type)) {
            return null;
        }
        return text != null ? text : number;
    }

    /** The stages running (their process names), else the open steps of the case itself, else waiting for the court. */
    private static void stage(Map<String, Object> item, boolean open, boolean terminated, List<String[]> stages,
                              List<Map<String, Object>> tasks, String caseInstance) {
        if (!open) {
            item.put("stage", "CLOSED");
            item.put("stageLabel", terminated ? "流程已终止，未归档" : "已归档");
            return;
        }
        Map<String, String> current = new LinkedHashMap<>();
        stages.forEach(s -> current.putIfAbsent(s[0], s[1]));
        if (current.isEmpty()) {
            tasks.stream().filter(t -> caseInstance.equals(t.get("instance")))
                    .forEach(t -> current.putIfAbsent((String) t.get("key"), (String) t.get("name")));
        }
        if (current.isEmpty()) {
            item.put("stage", "AWAITING_COURT");
            item.put("stageLabel", "等待法院文书");
        } else {
            item.put("stage", String.join(",", current.keySet()));
            item.put("stageLabel", String.join("、", current.values()));
        }
    }

    /** The earliest day still ahead: a case deadline (ALL Art. 67 and the like) or an open task's limit. */
    private static Map<String, Object> nextDeadline(Object deadlines, List<Map<String, Object>> tasks,
                                                    List<Map<String, Object>> windows, Date now, LocalDate today) {
        List<Map<String, Object>> ahead = new ArrayList<>();
        for (Map<String, Object> w : windows) {
            if (!LocalDate.parse((String) w.get("due")).isBefore(today)) {
                ahead.add(w);
            }
        }
        if (deadlines instanceof String json) {
            for (Map<String, Object> d : CaseDeadlineVariable.parse(json)) {
                LocalDate due = date(d.get("due"));
                if (due != null && !due.isBefore(today)) {
                    ahead.add(Map.of("item", String.valueOf(d.getOrDefault("name", d.get("key"))), "due", due.toString()));
                }
            }
        }
        for (Map<String, Object> t : tasks) {
            if (t.get("due") instanceof Timestamp due && !due.before(now)) {
                ahead.add(Map.of("item", String.valueOf(t.get("name")), "due", LegalClock.dateOf(due).toString()));
            }
        }
        return ahead.stream().min(Comparator.comparing((Map<String, Object> d) -> (String) d.get("due"))
                .thenComparing(d -> (String) d.get("item"))).orElse(null);
    }

    /** What is overdue now (Art. 3): the statutory answer day passed without delivery, open tasks past their limit. */
    private static List<Map<String, Object>> overdue(Row row, boolean open, List<Map<String, Object>> tasks, Date now,
                                                     LocalDate today) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (open && row.answerDue() != null && row.answerDue().isBefore(today)) {
            items.add(Map.of("item", "法定答辩期限（行政诉讼法第六十七条）", "due", row.answerDue().toString()));
        }
        for (Map<String, Object> t : tasks) {
            if (t.get("due") instanceof Timestamp due && due.before(now)) {
                items.add(Map.of("item", String.valueOf(t.get("name")), "due", LegalClock.dateOf(due).toString()));
            }
        }
        items.sort(Comparator.comparing((Map<String, Object> d) -> (String) d.get("due")));
        return items;
    }

    /** The newest decision and, once one took effect, whether the case is lost (Art. 12). */
    private static void decision(Map<String, Object> item, Object decisions) {
        List<?> list = decisions == null ? List.of() : FormValues.list(decisions);
        Map<?, ?> last = list.isEmpty() ? null : (Map<?, ?>) list.get(list.size() - 1);
        Object label = last == null ? null : last.get("outcomeLabel");
        if (last != null && label == null) {
            Outcome outcome = Outcome.parse(last.get("outcome"));
            label = outcome == null ? null : outcome.label();
        }
        item.put("outcomeLabel", label);
        Object loss = null;
        for (Object d : list) {
            if (d instanceof Map<?, ?> m && m.get("effectiveOn") != null && m.get("loss") instanceof Boolean b) {
                loss = b;
            }
        }
        item.put("loss", loss);
    }

    /** Whether the head of the sued organ appeared at a hearing of the case (Art. 7); null before any hearing. */
    private static Boolean headAppeared(Object hearings) {
        List<?> list = hearings == null ? List.of() : FormValues.list(hearings);
        if (list.isEmpty()) {
            return null;
        }
        return list.stream().anyMatch(h -> h instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("headAppeared")));
    }

    private static LocalDate date(Object value) {
        String text = value == null ? null : value.toString();
        try {
            return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }
}
