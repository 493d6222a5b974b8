package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one door for court documents (DESIGN): validated, stored on the case, and handed to the case's process as a
 * BPMN message by business key where a step is waiting for it. A hearing notice also sets the case's hearing date, so
 * a case still preparing its answer knows it when it gets there.
 */
@Service
public class CourtDocuments {

    public static final Set<String> OUTCOMES = Set.of("CLAIMS_DISMISSED", "SUIT_DISMISSED", "WITHDRAWN", "MEDIATED",
            "REVOKED", "REVOKED_REDO", "ILLEGAL", "VOID", "CHANGED", "ORDERED_TO_PERFORM", "ORDERED_TO_PAY",
            "COMPENSATION");
    public static final Set<String> INSTANCES = Set.of("FIRST", "SECOND", "RETRIAL");
    /** The BPMN message a waiting step of the case catches for a hearing notice. */
    public static final String HEARING_NOTICE_MESSAGE = "HearingNotice";

    public record Registered(String id, CourtDocumentKind kind, boolean correlated, Map<String, Object> document) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final CaseRegistry registry;
    private final LegalClock clock;

    public CourtDocuments(JdbcTemplate jdbc, RuntimeService runtime, TaskService taskService, CaseRegistry registry,
                          LegalClock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.taskService = taskService;
        this.registry = registry;
        this.clock = clock;
    }

    /** Checks a document; an empty list means it may be registered. */
    public List<FieldError> validate(Map<String, ?> input) {
        List<FieldError> errors = new ArrayList<>();
        CourtDocumentKind kind = kind(input.get("kind"));
        if (kind == null) {
            errors.add(new FieldError("kind", "文书种类（kind）须为：" + String.join("、",
                    java.util.Arrays.stream(CourtDocumentKind.values()).map(Enum::name).toList())));
        }
        date(input, "receivedOn", "收到日期", true, true, errors);
        if (kind == CourtDocumentKind.HEARING_NOTICE) {
            date(input, "hearingDate", "开庭日期", true, false, errors);
        }
        if (kind == CourtDocumentKind.JUDGMENT || kind == CourtDocumentKind.RULING) {
            if (!INSTANCES.contains(String.valueOf(input.get("instance")))) {
                errors.add(new FieldError("instance", "审级（instance）须为 FIRST、SECOND 或 RETRIAL"));
            }
            if (!OUTCOMES.contains(String.valueOf(input.get("outcome")))) {
                errors.add(new FieldError("outcome", "裁判结果（outcome）不正确：" + input.get("outcome")));
            }
        }
        if (kind == CourtDocumentKind.EFFECTIVE) {
            date(input, "effectiveOn", "生效日期", true, true, errors);
        }
        return errors;
    }

    /** Why this document cannot belong to the case, or null (409 rather than 400: the document is fine, the case is not). */
    public String conflict(String caseNumber, Map<String, ?> input) {
        CourtDocumentKind kind = kind(input.get("kind"));
        if ((kind == CourtDocumentKind.JUDGMENT || kind == CourtDocumentKind.RULING)
                && "SECOND".equals(input.get("instance")) && !appealed(caseNumber)) {
            return "本案没有上诉记录，不能登记第二审" + kind.label();
        }
        return null;
    }

    public Registered register(String caseNumber, Map<String, ?> input, String userId) {
        CourtDocumentKind kind = kind(input.get("kind"));
        Map<String, Object> document = new LinkedHashMap<>();
        input.forEach((k, v) -> {
            if (v != null) {
                document.put(k, v);
            }
        });
        boolean correlated = false;
        if (kind == CourtDocumentKind.HEARING_NOTICE) {
            String hearingDate = String.valueOf(input.get("hearingDate"));
            registry.processInstanceId(caseNumber).filter(id -> runtime.createProcessInstanceQuery()
                    .processInstanceId(id).count() > 0).ifPresent(id -> runtime.setVariable(id, "hearingDate", hearingDate));
            rescheduleOpenHearing(caseNumber, LocalDate.parse(hearingDate));
            List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                    .messageEventSubscriptionName(HEARING_NOTICE_MESSAGE).list();
            if (!waiting.isEmpty()) {
                runtime.createMessageCorrelation(HEARING_NOTICE_MESSAGE).processInstanceBusinessKey(caseNumber)
                        .setVariable("hearingDate", hearingDate).correlateAllWithResult();
                correlated = true;
            }
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO lit_case_document (id, case_number, kind, received_on, payload, correlated, "
                            + "registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseNumber, kind.name(),
                    java.sql.Date.valueOf(LocalDate.parse(String.valueOf(input.get("receivedOn")))),
                    JSON.writeValueAsString(document), correlated, new Timestamp(ClockUtil.getCurrentTime().getTime()),
                    userId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Registered(id, kind, correlated, document);
    }

    /**
     * A new hearing notice while the appearance is under way (the court moved the hearing): the stage and its open
     * tasks follow the new date, so the due dates people see are the court's.
     */
    private void rescheduleOpenHearing(String caseNumber, LocalDate hearingDate) {
        for (var stage : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("court-appearance").list()) {
            runtime.setVariable(stage.getId(), "hearingDate", hearingDate.toString());
            for (Task task : taskService.createTaskQuery().processInstanceId(stage.getId()).list()) {
                LocalDate due = "PlanAppearanceTask".equals(task.getTaskDefinitionKey()) ? hearingDate.minusDays(1)
                        : "AttendHearingTask".equals(task.getTaskDefinitionKey()) ? hearingDate : null;
                if (due != null) {
                    task.setDueDate(LegalClock.endOfDay(due));
                    taskService.saveTask(task);
                    taskService.createComment(task.getId(), stage.getId(), "法院重新通知开庭日期为" + hearingDate + "，期限随之调整。");
                }
            }
        }
    }

    public List<CourtDocumentKind> kinds(String caseNumber) {
        return jdbc.queryForList("SELECT kind FROM lit_case_document WHERE case_number = ?", String.class, caseNumber)
                .stream().map(CourtDocumentKind::valueOf).toList();
    }

    public List<Map<String, Object>> list(String caseNumber) {
        return jdbc.query("SELECT id, kind, received_on, payload, correlated FROM lit_case_document "
                + "WHERE case_number = ? ORDER BY registered_at", (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getString("id"));
                    row.put("kind", rs.getString("kind"));
                    row.put("name", CourtDocumentKind.valueOf(rs.getString("kind")).label());
                    row.put("receivedOn", rs.getDate("received_on").toLocalDate().toString());
                    row.put("correlated", rs.getBoolean("correlated"));
                    try {
                        row.put("document", JSON.readValue(rs.getString("payload"), Map.class));
                    } catch (JsonProcessingException e) {
                        row.put("document", Map.of());
                    }
                    return row;
                }, caseNumber);
    }

    /** A plaintiff's appeal was registered, or our own appeal was filed (Art. 13–14). */
    private boolean appealed(String caseNumber) {
        if (kinds(caseNumber).contains(CourtDocumentKind.PLAINTIFF_APPEAL)) {
            return true;
        }
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                .stream().map(p -> p.getId()).toArray(String[]::new);
        return instances.length > 0 && runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName("appealFiledOn").count() > 0;
    }

    private static CourtDocumentKind kind(Object value) {
        try {
            return value == null ? null : CourtDocumentKind.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void date(Map<String, ?> input, String field, String label, boolean required, boolean notFuture,
                      List<FieldError> errors) {
        Object value = input.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                errors.add(new FieldError(field, label + "（" + field + "）为必填项"));
            }
            return;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            if (notFuture && date.isAfter(clock.today())) {
                errors.add(new FieldError(field, label + "（" + field + "）不能晚于今天（" + clock.today() + "）"));
            } else if (date.getYear() < 1990 || date.getYear() > clock.today().getYear() + 5) {
                errors.add(new FieldError(field, label + "（" + field + "）超出合理范围"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, label + "（" + field + "）应为 yyyy-MM-dd 格式的日期"));
        }
    }
}
