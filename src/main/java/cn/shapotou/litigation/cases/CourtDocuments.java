package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.deadlines.DueDateGuard;
import cn.shapotou.litigation.answer.SecondInstanceAnswer;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import cn.shapotou.litigation.decisions.CourtDecision;
import cn.shapotou.litigation.decisions.Outcome;
import cn.shapotou.litigation.decisions.OutcomeRule;
import cn.shapotou.litigation.decisions.RetrialOrder;
import cn.shapotou.litigation.recommendations.JudicialRecommendationStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one door for court documents (the API and the Tasklist form 登记法院文书): validated, stored on the case, and
 * handed to the case's process as a BPMN message by business key where a step is waiting for it. A hearing notice starts
 * the appearance at once, whatever the case is doing, or moves the one under way.
 */
@Service
public class CourtDocuments {

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
    private final CaseView cases;
    private final SecondInstanceAnswer secondInstanceAnswer;
    private final RetrialOrder retrialOrder;
    private final CaseReopening reopening;

    public CourtDocuments(JdbcTemplate jdbc, RuntimeService runtime, TaskService taskService, CaseRegistry registry,
                          LegalClock clock, CaseView cases, SecondInstanceAnswer secondInstanceAnswer,
                          RetrialOrder retrialOrder, CaseReopening reopening) {
        this.reopening = reopening;
        this.secondInstanceAnswer = secondInstanceAnswer;
        this.retrialOrder = retrialOrder;
        this.cases = cases;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.taskService = taskService;
        this.registry = registry;
        this.clock = clock;
    }

    /** The fields a court document may carry (POST /api/cases/{n}/documents); anything else is refused, not kept. */
    public static final Set<String> FIELDS = Set.of("kind", "receivedOn", "hearingDate", "instance", "outcome",
            "effectiveOn", "replyDueOn", "initiatedBy", "summary", "amendedOutcome", "fileId");

    public List<FieldError> unknownFields(Map<String, ?> input) {
        return input.keySet().stream().filter(k -> !FIELDS.contains(k))
                .map(k -> new FieldError(k, "未知字段 " + k)).toList();
    }

    /** Checks a document; an empty list means it may be registered. */
    public List<FieldError> validate(Map<String, ?> input) {
        List<FieldError> errors = new ArrayList<>();
        CourtDocumentKind kind = kind(input.get("kind"));
        if (kind == null) {
            errors.add(new FieldError("kind", "文书种类须为：" + String.join("、",
                    java.util.Arrays.stream(CourtDocumentKind.values()).map(Enum::name).toList())));
        }
        date(input, "receivedOn", "收到日期", true, true, errors);
        if (kind == CourtDocumentKind.HEARING_NOTICE) {
            date(input, "hearingDate", "开庭日期", true, false, errors);
        }
        if (kind == CourtDocumentKind.JUDGMENT || kind == CourtDocumentKind.RULING) {
            if (!INSTANCES.contains(String.valueOf(input.get("instance")))) {
                errors.add(new FieldError("instance", "审级须为 FIRST、SECOND 或 RETRIAL"));
            }
        }
        if (kind == CourtDocumentKind.JUDGMENT || kind == CourtDocumentKind.RULING
                || kind == CourtDocumentKind.RECONSIDERATION_DECISION) {
            Outcome outcome = Outcome.parse(input.get("outcome"));
            if (outcome == null) {
                errors.add(new FieldError("outcome", "裁判结果须为以下之一：" + String.join("、", Outcome.names())));
            } else {
                // Which outcome fits which instance, and the new result of an amendment (行政诉讼法第八十九条).
                errors.addAll(OutcomeRule.refusals(String.valueOf(input.get("instance")),
                        kind == CourtDocumentKind.RECONSIDERATION_DECISION, outcome, input.get("amendedOutcome")));
            }
        } else if (input.get("amendedOutcome") != null) {
            errors.add(new FieldError("amendedOutcome", "改判结果仅用于判决书或裁定书"));
        }
        if (kind == CourtDocumentKind.EFFECTIVE) {
            date(input, "effectiveOn", "生效日期", true, true, errors);
        }
        if (kind == CourtDocumentKind.JUDICIAL_RECOMMENDATION) {
            date(input, "replyDueOn", "要求回复日期", false, false, errors);
        }
        if (kind == CourtDocumentKind.RETRIAL_ORDER && !RetrialOrder.INITIATORS.contains(String.valueOf(input.get("initiatedBy")))) {
            errors.add(new FieldError("initiatedBy", "再审由谁提起须为 OTHER_PARTY（对方当事人申请）、"
                    + "PROCURATORATE（检察院抗诉）或 COURT（法院决定）"));
        }
        Object summary = input.get("summary");
        if (summary != null && (!(summary instanceof String text) || text.length() > 4000)) {
            errors.add(new FieldError("summary", "文书摘要应为不超过 4000 字的文字"));
        } else if (summary instanceof String text && PlainText.problem(text) != null) {
            errors.add(new FieldError("summary", "文书摘要" + PlainText.problem(text)));
        }
        return errors;
    }

    /** Why this document cannot belong to the case, or null (409 rather than 400: the document is fine, the case is not). */
    public String conflict(String caseNumber, Map<String, ?> input) {
        CourtDocumentKind kind = kind(input.get("kind"));
        String theCase = runningCase(caseNumber);
        if (theCase == null) {
            // An archived case can still receive a judicial recommendation (Art. 17) and be retried (ALL Art. 90–93),
            // which reopens it; anything else belongs to a retrial that must be registered first.
            if (kind == CourtDocumentKind.JUDICIAL_RECOMMENDATION) {
                return null;
            }
            if (kind == CourtDocumentKind.RETRIAL_ORDER) {
                return isReconsideration(archivedCaseType(caseNumber)) ? "行政复议答复案件没有再审程序" : null;
            }
            return "本案已立卷归档办结；如人民法院决定再审，请先登记再审裁定，再登记" + kind.label();
        }
        boolean reconsideration = isReconsideration(runtime.getVariable(theCase, "caseType"));
        List<Map<String, Object>> decisions = registeredDecisions(caseNumber);
        return switch (kind) {
            case JUDGMENT, RULING -> {
                if (reconsideration) {
                    yield "本案为行政复议答复案件，应登记行政复议决定书，不能登记" + kind.label();
                }
                if ("SECOND".equals(input.get("instance")) && !appealed(caseNumber)) {
                    yield "本案没有上诉记录，不能登记第二审" + kind.label();
                }
                if ("RETRIAL".equals(input.get("instance")) && runtime.getVariable(theCase, "retrialFiledOn") == null
                        && runtime.getVariable(theCase, "retrialOrderedOn") == null) {
                    yield "本案没有申请再审或再审裁定的记录，不能登记再审" + kind.label();
                }
                yield null;
            }
            case RECONSIDERATION_DECISION -> reconsideration ? null
                    : "本案为行政诉讼案件，应登记判决书或裁定书，不能登记行政复议决定书";
            case PLAINTIFF_APPEAL -> reconsideration ? "行政复议答复案件没有上诉程序"
                    : decisions.stream().anyMatch(d -> "FIRST".equals(d.get("instance"))) ? null
                    : "本案尚未登记第一审判决书或裁定书，不能登记原告上诉状";
            case EFFECTIVE -> decisions.isEmpty() ? "本案尚未登记判决书或裁定书，不能登记生效证明" : null;
            case RETRIAL_ORDER -> reconsideration ? "行政复议答复案件没有再审程序"
                    : runtime.getVariable(theCase, "effectiveOn") == null
                    ? "本案尚无发生法律效力的裁判，不能登记再审裁定（未生效的裁判应登记上诉状或生效证明）" : null;
            case HEARING_NOTICE, JUDICIAL_RECOMMENDATION -> null;
        };
    }

    private List<Map<String, Object>> registeredDecisions(String caseNumber) {
        return list(caseNumber).stream().filter(d -> Set.of("JUDGMENT", "RULING", "RECONSIDERATION_DECISION")
                .contains(d.get("kind"))).map(d -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> payload = (Map<String, Object>) d.get("document");
                    return payload;
                }).toList();
    }

    public Registered register(String caseNumber, Map<String, ?> input, String userId) {
        CourtDocumentKind kind = kind(input.get("kind"));
        Map<String, Object> document = new LinkedHashMap<>();
        input.forEach((k, v) -> {
            if (v != null && FIELDS.contains(k)) {
                document.put(k, v);
            }
        });
        String theCase = runningCase(caseNumber);
        String receivedOn = String.valueOf(input.get("receivedOn"));
        boolean correlated = switch (kind) {
            case HEARING_NOTICE -> {
                String hearingDate = String.valueOf(input.get("hearingDate"));
                if (theCase != null) {
                    runtime.setVariable(theCase, "hearingDate", hearingDate);
                }
                // The court moved a hearing whose appearance is already being prepared: the stage follows the new date.
                // Otherwise the case starts preparing the appearance at once, whatever it is doing (Art. 7–9).
                yield rescheduleOpenHearing(caseNumber, LocalDate.parse(hearingDate))
                        || correlate(caseNumber, HEARING_NOTICE_MESSAGE);
            }
            case JUDGMENT, RULING, RECONSIDERATION_DECISION -> {
                // A new decision: the previous one's date of effect no longer applies.
                Map<String, Object> vars = new HashMap<>();
                vars.put("effectiveOn", null);
                vars.put("decisionKind", kind.name());
                vars.put("decisionInstance", kind == CourtDocumentKind.RECONSIDERATION_DECISION ? "FIRST" : input.get("instance"));
                vars.put("decisionOutcome", input.get("outcome"));
                vars.put("decisionAmendedOutcome", input.get("amendedOutcome"));
                vars.put("decisionReceivedOn", receivedOn);
                // Taken up at once by a waiting case, or when the case gets there (nothing is lost).
                vars.put("decisionPending", true);
                runtime.setVariables(theCase, vars);
                yield correlate(caseNumber, CourtDecision.MESSAGE);
            }
            case PLAINTIFF_APPEAL -> {
                if (runtime.getVariable(theCase, "plaintiffAppealedOn") == null) {
                    runtime.setVariable(theCase, "plaintiffAppealedOn", receivedOn);
                    secondInstanceAnswer.open(theCase, LocalDate.parse(receivedOn));
                }
                yield correlate(caseNumber, CourtDecision.PLAINTIFF_APPEAL_MESSAGE);
            }
            case EFFECTIVE -> {
                // A decision that took effect when served (a second-instance judgment, a withdrawal) keeps that day.
                if (runtime.getVariable(theCase, "effectiveOn") == null) {
                    runtime.setVariable(theCase, "effectiveOn", String.valueOf(input.get("effectiveOn")));
                }
                yield correlate(caseNumber, CourtDecision.EFFECTIVE_MESSAGE);
            }
            case JUDICIAL_RECOMMENDATION -> {
                startRecommendation(caseNumber, input);
                yield true;
            }
            case RETRIAL_ORDER -> {
                retrialOrder.open(caseNumber, theCase, LocalDate.parse(receivedOn), String.valueOf(input.get("initiatedBy")));
                yield true;
            }
        };
        if (!correlated && theCase != null) {
            tellHandlers(caseNumber, theCase, kind, receivedOn);
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO lit_case_document (id, case_number, kind, received_on, payload, correlated, "
                            + "registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseNumber, kind.name(),
                    java.sql.Date.valueOf(LocalDate.parse(receivedOn)),
                    JSON.writeValueAsString(document), correlated, new Timestamp(EngineClock.now().getTime()),
                    userId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Registered(id, kind, correlated, document);
    }

    /** Hands the case the message if a step of it waits for one; false when none does (the document is kept). */
    private boolean correlate(String caseNumber, String message) {
        if (runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(message).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).correlateAllWithResult();
        return true;
    }

    /** A judicial recommendation starts its own reply process under the case number, open or archived (Art. 17). */
    private void startRecommendation(String caseNumber, Map<String, ?> input) {
        Map<String, Object> caseVars = cases.caseVariables(caseNumber).orElseThrow();
        Map<String, Object> vars = new HashMap<>();
        for (String name : List.of("caseNumber", "court", "plaintiff", "causeOfAction", "defendant", "actingUnit",
                "leadUnit", "leadUnitName", "coUnits", "caseType")) {
            vars.put(name, caseVars.get(name));
        }
        vars.put("caseStatus", caseVars.get("__status"));
        vars.put("recommendationReceivedOn", input.get("receivedOn"));
        vars.put("recommendationSummary", input.get("summary"));
        vars.put("replyDueOn", input.get("replyDueOn"));
        runtime.createMessageCorrelation(JudicialRecommendationStage.MESSAGE).processInstanceBusinessKey(caseNumber)
                .setVariables(vars).correlateStartMessage();
    }

    /** A document the case does not wait for is still shown to the people working on it, on each of their tasks. */
    private void tellHandlers(String caseNumber, String theCase, CourtDocumentKind kind, String receivedOn) {
        String text = "已登记" + kind.label() + "（收到日期 " + receivedOn + "）；案件当前未在等待该文书，文书已记入案件，"
                + "案件办理到相应环节时将自动处理。";
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
        for (Task task : open) {
            taskService.createComment(task.getId(), task.getProcessInstanceId(), text);
        }
        if (open.isEmpty()) {
            taskService.createComment(null, theCase, text);
        }
    }

    private static boolean isReconsideration(Object caseType) {
        return CaseType.RECONSIDERATION_RESPONSE.name().equals(caseType);
    }

    private Object archivedCaseType(String caseNumber) {
        return cases.caseVariables(caseNumber).map(v -> v.get("caseType")).orElse(null);
    }

    private String runningCase(String caseNumber) {
        return reopening.runningInstance(caseNumber);
    }

    /**
     * A new hearing notice while the appearance is under way (the court moved the hearing): the stage and its open
     * tasks follow the new date, so the due dates people see are the court's.
     */
    private boolean rescheduleOpenHearing(String caseNumber, LocalDate hearingDate) {
        var open = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("court-appearance").list();
        for (var stage : open) {
            runtime.setVariable(stage.getId(), "hearingDate", hearingDate.toString());
            for (Task task : taskService.createTaskQuery().processInstanceId(stage.getId()).list()) {
                LocalDate due = "PlanAppearanceTask".equals(task.getTaskDefinitionKey())
                        || "ApproveHeadAbsenceTask".equals(task.getTaskDefinitionKey()) ? hearingDate.minusDays(1)
                        : "AttendHearingTask".equals(task.getTaskDefinitionKey()) ? hearingDate : null;
                if (due != null) {
                    task.setDueDate(LegalClock.endOfDay(due));
                    // The court moved the hearing: the system follows it, no person moved the deadline (DueDateGuard).
                    DueDateGuard.bySystem(() -> taskService.saveTask(task));
                    taskService.createComment(task.getId(), stage.getId(), "法院重新通知开庭日期为" + hearingDate + "，期限随之调整。");
                }
            }
        }
        return !open.isEmpty();
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
        String theCase = runningCase(caseNumber);
        // After a remand the case is at first instance again: only an appeal against the new decision counts.
        boolean remanded = theCase != null && runtime.getVariable(theCase, "remandedOn") != null;
        if (!remanded && kinds(caseNumber).contains(CourtDocumentKind.PLAINTIFF_APPEAL)) {
            return true;
        }
        if (theCase != null && runtime.getVariable(theCase, "plaintiffAppealedOn") != null) {
            return true; // the district office confirmed the other party's appeal with the court
        }
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                .stream().map(p -> p.getId()).toArray(String[]::new);
        return instances.length > 0 && runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName("appealFiledOn").list().stream().anyMatch(v -> v.getValue() != null);
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
                errors.add(new FieldError(field, label + "为必填项"));
            }
            return;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            if (notFuture && date.isAfter(clock.today())) {
                errors.add(new FieldError(field, label + "不能晚于今天（" + clock.today() + "）"));
            } else if (date.getYear() < 1990 || date.getYear() > clock.today().getYear() + 5) {
                errors.add(new FieldError(field, label + "超出合理范围"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, label + "应为 yyyy-MM-dd 格式的日期"));
        }
    }
}
