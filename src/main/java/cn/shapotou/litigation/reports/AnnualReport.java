package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.decisions.Outcome;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import cn.shapotou.litigation.units.UnitDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Service;

/**
 * The year's litigation-response figures for the rule-of-law report (Art. 19, 20, 22), counted from the engine's
 * history each time, never from counters that could drift. What each figure counts:
 * <ul>
 * <li>received: cases whose notice reached the district office in the year ({@code noticeReceivedOn});</li>
 * <li>closed: cases archived in the year ({@code closedOn});</li>
 * <li>decisions: cases whose decision took legal effect in the year (审结, {@code effectiveOn}); losses: those whose
 * effective decision is an Art. 12 outcome; loss rate = losses / decisions;</li>
 * <li>hearings: hearings held in the year; head appearances among them; missed: an Art. 7 ¶2 head who did not come;</li>
 * <li>overdue items: delays that began in the year, each counted once however many 督办 it raised, by the unit
 * that was late ({@link #overdueByUnit});</li>
 * <li>appeals filed, judicial recommendations received (and of those answered), loss analysis reports due with a
 * decision effective in the year, submitted and late; compensation paid on those decisions (Art. 23);</li>
 * <li>cases for accountability review: any Art. 22 fact recorded in the year.</li>
 * </ul>
 */
@Service
public class AnnualReport {

    static final String CASE_PROCESS = "litigation-case";
    static final String RECOMMENDATION_PROCESS = "judicial-recommendation";
    private static final List<String> CASE_VARIABLES = List.of("caseNumber", "caseType", "leadUnit", "leadUnitName",
            "causeOfAction", "noticeReceivedOn", "closedOn", "effectiveOn", "decisionOutcome", "hearings",
            "appealFiledOn", "lossAnalysisSubmittedOn", "lossAnalysisLate", "compensationAmount", "accountabilityFacts");
    private static final int BATCH = 500;
    private static final String OVERDUE_SINCE = "overdueSince";
    private static final String RAISED_AT = DeadlineWatch.RAISED_AT;

    private final HistoryService history;
    private final UnitDirectory units;

    public AnnualReport(HistoryService history, UnitDirectory units) {
        this.history = history;
        this.units = units;
    }

    public Map<String, Object> of(int year) {
        List<CaseRecord> cases = records(CASE_PROCESS, CASE_VARIABLES);
        List<CaseRecord> received = cases.stream().filter(c -> c.in("noticeReceivedOn", year)).toList();
        List<CaseRecord> decided = cases.stream().filter(c -> c.in("effectiveOn", year)).toList();
        List<CaseRecord> lost = decided.stream().filter(AnnualReport::lost).toList();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("year", year);
        report.put("casesReceived", received.size());
        report.put("reconsiderationResponsesReceived", received.stream()
                .filter(c -> "RECONSIDERATION_RESPONSE".equals(c.text("caseType"))).count());
        report.put("casesClosed", cases.stream().filter(c -> c.in("closedOn", year)).count());
        report.put("decisions", decided.size());
        report.put("losses", lost.size());
        report.put("lossRate", rate(lost.size(), decided.size()));
        report.put("decisionsByOutcome", byOutcome(decided));

        List<Map<String, Object>> hearings = cases.stream().flatMap(c -> c.list("hearings").stream())
                .filter(h -> "HELD".equals(h.get("outcome")) && String.valueOf(h.get("hearingDate")).startsWith(year + "-"))
                .toList();
        long heads = hearings.stream().filter(h -> Boolean.TRUE.equals(h.get("headAppeared"))).count();
        report.put("hearings", hearings.size());
        report.put("headAppearances", heads);
        report.put("headAppearanceRate", rate(heads, hearings.size()));
        List<CaseRecord> review = cases.stream().filter(c -> !facts(c, year).isEmpty()).toList();
        report.put("headAppearanceMissed", review.stream().filter(c -> facts(c, year).stream()
                .anyMatch(f -> AccountabilityFact.HEAD_ABSENT_WHEN_REQUIRED.name().equals(f.get("fact")))).count());

        Map<String, Long> overdue = overdueByUnit(year);
        report.put("overdueItems", overdue.values().stream().mapToLong(Long::longValue).sum());
        report.put("overdueByUnit", overdue.entrySet().stream()
                .map(e -> Map.of("unitName", e.getKey(), "count", e.getValue())).toList());

        report.put("appealsFiled", cases.stream().filter(c -> c.in("appealFiledOn", year)).count());
        List<CaseRecord> recommendations = records(RECOMMENDATION_PROCESS, List.of("caseNumber",
                "recommendationReceivedOn", "repliedOn")).stream().filter(r -> r.in("recommendationReceivedOn", year))
                .toList();
        report.put("judicialRecommendationsReceived", recommendations.size());
        report.put("judicialRecommendationsAnswered", recommendations.stream()
                .filter(r -> r.date("repliedOn") != null).count());
        report.put("lossAnalysisDue", lost.size());
        report.put("lossAnalysisSubmitted", lost.stream().filter(c -> c.date("lossAnalysisSubmittedOn") != null).count());
        report.put("lossAnalysisLate", lost.stream().filter(c -> c.flag("lossAnalysisLate")).count());
        report.put("compensationTotal", decided.stream().map(c -> c.text("compensationAmount"))
                .filter(a -> a != null && !a.isBlank()).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString());

        report.put("byUnit", byUnit(received, lost));
        report.put("byCause", received.stream().collect(Collectors.groupingBy(c -> String.valueOf(c.text("causeOfAction")),
                TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(e -> Map.of("causeOfAction", e.getKey(), "received", e.getValue())).toList());
        report.put("accountabilityReview", review.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseNumber", c.caseNumber());
            row.put("leadUnitName", c.text("leadUnitName"));
            row.put("facts", facts(c, year).stream().map(f -> f.get("label")).distinct().toList());
            return row;
        }).toList());
        return report;
    }

    private static boolean lost(CaseRecord c) {
        Outcome outcome = Outcome.parse(c.text("decisionOutcome"));
        return outcome != null && outcome.loss();
    }

    private static List<Map<String, Object>> facts(CaseRecord c, int year) {
        return c.list("accountabilityFacts").stream()
                .filter(f -> String.valueOf(f.get("recordedOn")).startsWith(year + "-")).toList();
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                RoundingMode.HALF_UP);
    }

    private static List<Map<String, Object>> byOutcome(List<CaseRecord> decided) {
        Map<String, Long> counts = decided.stream().collect(Collectors.groupingBy(c -> String.valueOf(c.text("decisionOutcome")),
                Collectors.counting()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            Long count = counts.get(outcome.name());
            if (count != null) {
                rows.add(Map.of("outcome", outcome.name(), "label", outcome.label(), "loss", outcome.loss(), "count", count));
            }
        }
        return rows;
    }

    private List<Map<String, Object>> byUnit(List<CaseRecord> received, List<CaseRecord> lost) {
        Map<String, long[]> counts = new TreeMap<>();
        received.forEach(c -> counts.computeIfAbsent(unit(c), u -> new long[2])[0]++);
        lost.forEach(c -> counts.computeIfAbsent(unit(c), u -> new long[2])[1]++);
        return counts.entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", e.getKey());
            row.put("unitName", units.find(e.getKey()).map(u -> u.name()).orElse("（承办单位未确定）"));
            row.put("received", e.getValue()[0]);
            row.put("lost", e.getValue()[1]);
            return row;
        }).toList();
    }

    private static String unit(CaseRecord c) {
        String unit = c.text("leadUnit");
        return unit == null ? "-" : unit;
    }

    /**
     * Overdue items of the year by the unit that was late: one per delay, not one per 督办. The supervision raises a
     * 督办 for every overdue piece of work, and several may be late with the same deadline day of the same case: the
     * case-level statutory answer and the task holding it (行政诉讼法第六十七条; the 7-day materials limit of
     * 《办法》第十条第二款 capped by that day), or review, sealing and delivery one after the other, or the tasks of
     * an appeal before its statutory day (行政诉讼法第八十五条). Each 督办 records its delay (case, deadline, day;
     * escalation.OverdueItem#delayOf); a delay counts once, in the year after whose first day it began, charged to
     * the unit its case-level item names (who held the case's work when the deadline passed, escalation.CaseWork),
     * else to the unit of the 督办 raised first. A 督办 raised before delays were recorded is a delay of its own.
     */
    private Map<String, Long> overdueByUnit(int year) {
        List<String> taskIds = history.createHistoricVariableInstanceQuery().variableName(OVERDUE_SINCE)
                .disableCustomObjectDeserialization().list().stream()
                .filter(v -> String.valueOf(v.getValue()).startsWith(year + "-") && v.getTaskId() != null)
                .map(HistoricVariableInstance::getTaskId).toList();
        Map<String, Map<String, Object>> notices = new HashMap<>();
        for (List<String> batch : batches(taskIds)) {
            history.createHistoricVariableInstanceQuery().taskIdIn(batch.toArray(String[]::new))
                    .variableNameIn("leadUnitName", DeadlineWatch.UNIT, DeadlineWatch.DELAY, DeadlineWatch.SUPERVISES,
                            RAISED_AT)
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> notices.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue()));
        }
        Map<String, Map<String, Object>> charged = new HashMap<>();
        notices.forEach((taskId, notice) -> {
            Object delay = notice.get(DeadlineWatch.DELAY);
            charged.merge(delay == null ? "task:" + taskId : String.valueOf(delay), notice,
                    (a, b) -> chargedFirst(a, b) ? a : b);
        });
        Map<String, Long> byUnit = new TreeMap<>();
        charged.values().forEach(n -> byUnit.merge(String.valueOf(n.get("leadUnitName")), 1L, Long::sum));
        return byUnit;
    }

    /**
     * Of two 督办 of one delay, the one it is charged to: the case-level item's; else the one raised first; raised
     * together, not the Legal Counsel Office's, whose counsel only assists the handling unit (《办法》第五条); else by
     * unit, so that the answer does not depend on the order history returns them in.
     */
    private static boolean chargedFirst(Map<String, Object> a, Map<String, Object> b) {
        boolean aCase = String.valueOf(a.get(DeadlineWatch.SUPERVISES)).startsWith("case:");
        boolean bCase = String.valueOf(b.get(DeadlineWatch.SUPERVISES)).startsWith("case:");
        if (aCase != bCase) {
            return aCase;
        }
        if (raisedAt(a) != raisedAt(b)) {
            return raisedAt(a) < raisedAt(b);
        }
        boolean aAssists = UnitDirectory.LEGAL_COUNSEL_OFFICE.equals(a.get(DeadlineWatch.UNIT));
        boolean bAssists = UnitDirectory.LEGAL_COUNSEL_OFFICE.equals(b.get(DeadlineWatch.UNIT));
        if (aAssists != bAssists) {
            return bAssists;
        }
        return String.valueOf(a.get("leadUnitName")).compareTo(String.valueOf(b.get("leadUnitName"))) <= 0;
    }

    private static long raisedAt(Map<String, Object> notice) {
        return notice.get(RAISED_AT) instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }

    /** Every instance of a process with the named variables of its own scope, from history (open and ended alike). */
    private List<CaseRecord> records(String processKey, List<String> names) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).list();
        Map<String, Map<String, Object>> vars = new HashMap<>();
        List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
        for (List<String> batch : batches(ids)) {
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(batch.toArray(String[]::new)).variableNameIn(names.toArray(String[]::new))
                    .disableCustomObjectDeserialization().list()) {
                if (v.getProcessInstanceId().equals(v.getActivityInstanceId())
                        || v.getProcessInstanceId().equals(v.getExecutionId())) {
                    vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(),
                            v.getTypedValue() instanceof JsonValue j ? j.getValueSerialized() : v.getValue());
                }
            }
        }
        return instances.stream().map(i -> new CaseRecord(i.getBusinessKey(), vars.getOrDefault(i.getId(), Map.of())))
                .toList();
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            result.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return result;
    }
}
