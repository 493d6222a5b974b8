package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.CompensationRecovery;
import cn.shapotou.litigation.accountability.RecordedFacts;
import cn.shapotou.litigation.decisions.CaseClosing;
import cn.shapotou.litigation.decisions.CourtDecision;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.records.WorkRecords;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Service;

/**
 * The litigation-response figures of a year (the rule-of-law report, Art. 19) or of any period (the quarterly work
 * bulletin, Art. 20), counted from the engine's history each time, never from counters that could drift. Each event
 * counts in the period of its own day, so a later document does not change a past period (src/docs/architecture.md):
 * <ul>
 * <li>received: notices that reached the district office ({@code noticeReceivedOn}); closed: every archive of a case
 * ({@code closings});</li>
 * <li>decisions: each decision of a case on the day it took effect, and whether that decision is a loss of Art. 12
 * (the case's {@code decisions}); loss rate = losses / decisions;</li>
 * <li>hearings held, the head appearing (by post) or absent with or without an approved reason (Art. 7, 8); missed: an
 * Art. 7 ¶2 head who did not come;</li>
 * <li>overdue items: delays that began in the period, each counted once however many 督办 it raised, by the unit
 * that was late ({@link #overdueByUnit});</li>
 * <li>appeals filed; appeal opinions and loss analyses late (Art. 12, 13) in the period they became late; judicial
 * recommendations received, answered and answered on time; our performance of effective decisions as reported;
 * major issues reported (Art. 9); hearings observed and training (Art. 20, 21); compensation and its recovery (Art.
 * 23);</li>
 * <li>cases for accountability review: any Art. 22 fact recorded in the period, with the persons concerned.</li>
 * </ul>
 */
@Service
public class AnnualReport {

    static final String CASE_PROCESS = "litigation-case";
    static final String RECOMMENDATION_PROCESS = "judicial-recommendation";
    static final String MAJOR_ISSUE_PROCESS = "major-issue-report";
    private static final List<String> CASE_VARIABLES = List.of("caseNumber", "caseType", "leadUnit", "leadUnitName",
            "causeOfAction", "noticeReceivedOn", "closedOn", "closings", "effectiveOn", "decisionOutcome", "decisions",
            "hearings", "appealFiledOn", "lossAnalysisSubmittedOn", "compensationAmount", "accountabilityFacts",
            CaseClosing.PERFORMANCE_REPORTS, CourtDecision.EARLIER_APPEALS);
    private static final int BATCH = 500;
    private static final String OVERDUE_SINCE = "overdueSince";
    private static final String RAISED_AT = DeadlineWatch.RAISED_AT;

    private final HistoryService history;
    private final UnitDirectory units;
    private final RecordedFacts recordedFacts;
    private final Deadlines deadlines;
    private final LegalClock clock;

    public AnnualReport(HistoryService history, UnitDirectory units, RecordedFacts recordedFacts, Deadlines deadlines,
                        LegalClock clock) {
        this.history = history;
        this.units = units;
        this.recordedFacts = recordedFacts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Map<String, Object> of(int year) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("year", year);
        report.putAll(of(ReportPeriod.year(year)));
        return report;
    }

    /** The figures of any period (a year, a quarter), each event counted by its own day. */
    public Map<String, Object> of(ReportPeriod period) {
        Map<String, List<Map<String, Object>>> beside = recordedFacts.besideCases(null);
        List<CaseRecord> cases = records(CASE_PROCESS, CASE_VARIABLES);
        List<CaseRecord> received = cases.stream().filter(c -> c.in("noticeReceivedOn", period)).toList();
        // A decision counts in the period it took effect, as that decision: a later instance's decision does not
        // rewrite an earlier period (Art. 12: whether it is a loss is decided by the decision that took effect).
        List<Map<String, Object>> decided = new ArrayList<>();
        Map<String, CaseRecord> lostCases = new LinkedHashMap<>();
        Map<String, CaseRecord> decidedCases = new LinkedHashMap<>();
        for (CaseRecord c : cases) {
            for (Map<String, Object> d : effectiveDecisions(c)) {
                if (period.contains(d.get("effectiveOn"))) {
                    decided.add(d);
                    decidedCases.put(c.caseNumber(), c);
                    if (Boolean.TRUE.equals(d.get("loss"))) {
                        lostCases.put(c.caseNumber(), c);
                    }
                }
            }
        }
        long losses = decided.stream().filter(d -> Boolean.TRUE.equals(d.get("loss"))).count();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", period.from().toString());
        report.put("to", period.to().toString());
        report.put("period", period.label());
        report.put("casesReceived", received.size());
        report.put("reconsiderationResponsesReceived", received.stream()
                .filter(c -> "RECONSIDERATION_RESPONSE".equals(c.text("caseType"))).count());
        report.put("casesClosed", cases.stream().filter(c -> closedIn(c, period)).count());
        report.put("decisions", decided.size());
        report.put("losses", losses);
        report.put("lossRate", rate(losses, decided.size()));
        report.put("decisionsByOutcome", byOutcome(decided));

        // Art. 7, 8, 20: hearings held in the period, who appeared for the agency, and absences with or without an
        // approved reason (法释〔2020〕3号第十一条). A record from before reasons were kept counts as without one.
        List<Map<String, Object>> hearings = heldHearings(cases, period).values().stream().flatMap(List::stream).toList();
        long heads = hearings.stream().filter(h -> Boolean.TRUE.equals(h.get("headAppeared"))).count();
        report.put("hearings", hearings.size());
        report.put("headAppearances", heads);
        report.put("headAppearanceRate", rate(heads, hearings.size()));
        report.put("headAppearancesPrincipal", hearings.stream().filter(h -> Boolean.TRUE.equals(h.get("headAppeared"))
                && "PRINCIPAL".equals(h.get("headPost"))).count());
        report.put("headAppearancesDeputy", hearings.stream().filter(h -> Boolean.TRUE.equals(h.get("headAppeared"))
                && "DEPUTY".equals(h.get("headPost"))).count());
        report.put("headAbsencesJustified", hearings.stream().filter(h -> !Boolean.TRUE.equals(h.get("headAppeared"))
                && "JUSTIFIED".equals(h.get("headAbsence"))).count());
        report.put("headAbsencesUnjustified", hearings.stream().filter(AnnualReport::unjustifiedAbsence).count());

        Map<String, List<Map<String, Object>>> factsByCase = new LinkedHashMap<>();
        for (CaseRecord c : cases) {
            List<Map<String, Object>> facts = new ArrayList<>(c.list("accountabilityFacts"));
            facts.addAll(beside.getOrDefault(c.caseNumber(), List.of()));
            facts = facts.stream().filter(f -> period.contains(f.get("recordedOn"))).toList();
            if (!facts.isEmpty()) {
                factsByCase.put(c.caseNumber(), facts);
            }
        }
        Map<String, CaseRecord> byNumber = new HashMap<>();
        cases.forEach(c -> byNumber.put(c.caseNumber(), c));
        report.put("headAppearanceMissed", factsByCase.values().stream().filter(facts -> facts.stream()
                .anyMatch(f -> AccountabilityFact.HEAD_ABSENT_WHEN_REQUIRED.name().equals(f.get("fact")))).count());

        Map<String, Long> overdue = overdueByUnit(period);
        report.put("overdueItems", overdue.values().stream().mapToLong(Long::longValue).sum());
        report.put("overdueByUnit", overdue.entrySet().stream()
                .map(e -> Map.of("unitName", e.getKey(), "count", e.getValue())).toList());

        report.put("appealsFiled", cases.stream().mapToLong(c -> (c.in("appealFiledOn", period) ? 1 : 0)
                + c.list(CourtDecision.EARLIER_APPEALS).stream().filter(x -> period.contains(x.get("appealFiledOn")))
                .count()).sum());
        // Art. 13 binds the unit that wants to appeal: an opinion not to appeal, or none, is not late.
        report.put("appealOpinionsLate", late("appeal-opinion", "DraftAppealOpinionTask", DeadlineKind.APPEAL_OPINION,
                "decisionReceivedOn", "appealWanted", period));
        List<CaseRecord> recommendations = records(RECOMMENDATION_PROCESS, List.of("caseNumber",
                "recommendationReceivedOn", "replyDueOn", "repliedOn")).stream()
                .filter(r -> r.in("recommendationReceivedOn", period)).toList();
        report.put("judicialRecommendationsReceived", recommendations.size());
        report.put("judicialRecommendationsAnswered", recommendations.stream()
                .filter(r -> r.date("repliedOn") != null).count());
        // Art. 17, 20: answered by the day the court's letter asked for; a letter that named none, once answered.
        report.put("judicialRecommendationsAnsweredOnTime", recommendations.stream()
                .filter(r -> r.date("repliedOn") != null
                        && (r.date("replyDueOn") == null || !r.date("repliedOn").isAfter(r.date("replyDueOn"))))
                .count());
        report.put("lossAnalysisDue", lostCases.size());
        report.put("lossAnalysisSubmitted", lostCases.values().stream()
                .filter(c -> c.date("lossAnalysisSubmittedOn") != null).count());
        long lossLate = late("loss-analysis", "WriteLossAnalysisTask", DeadlineKind.LOSS_ANALYSIS, "effectiveOn", null,
                period);
        report.put("lossAnalysesLate", lossLate);
        report.put("compensationTotal", decidedCases.values().stream().map(c -> c.text("compensationAmount"))
                .filter(a -> a != null && !a.isBlank()).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString());

        // Art. 20, 22 (4): our own performance of effective decisions, by the report that said so.
        Map<String, java.util.Set<String>> performance = new HashMap<>();
        for (CaseRecord c : cases) {
            for (Map<String, Object> r : c.list(CaseClosing.PERFORMANCE_REPORTS)) {
                if (period.contains(r.get("reportedOn"))) {
                    performance.computeIfAbsent(String.valueOf(r.get("performance")), k -> new java.util.HashSet<>())
                            .add(c.caseNumber());
                }
            }
        }
        report.put("judgmentsPerformed", performance.getOrDefault("PERFORMED", java.util.Set.of()).size());
        report.put("judgmentsBeingPerformed", performance.getOrDefault("IN_PROGRESS", java.util.Set.of()).stream()
                .filter(n -> !performance.getOrDefault("PERFORMED", java.util.Set.of()).contains(n)).count());
        report.put("judgmentsNotPerformed", performance.getOrDefault("REFUSED", java.util.Set.of()).size());

        // Art. 9 ¶3: major issues reported in writing to the district government.
        report.put("majorIssueReports", records(MAJOR_ISSUE_PROCESS, List.of("caseNumber", "reportedOn")).stream()
                .filter(r -> r.in("reportedOn", period)).count());
        // Art. 20, 21: hearings observed and training held.
        List<CaseRecord> observations = records(WorkRecords.OBSERVATION_PROCESS, List.of("observedOn",
                "observersCount")).stream().filter(r -> r.in("observedOn", period)).toList();
        report.put("hearingObservations", observations.size());
        report.put("hearingObservers", observations.stream().mapToLong(r -> count(r, "observersCount")).sum());
        List<CaseRecord> trainings = records(WorkRecords.TRAINING_PROCESS, List.of("trainedOn", "topic",
                "traineesCount")).stream().filter(r -> r.in("trainedOn", period)).toList();
        report.put("trainings", trainings.size());
        report.put("trainingAttendees", trainings.stream().mapToLong(r -> count(r, "traineesCount")).sum());
        report.put("trainingTopics", trainings.stream().map(r -> r.text("topic")).toList());
        // Art. 23: recovery of state compensation ordered by the leaders.
        List<CaseRecord> recoveries = records(CompensationRecovery.PROCESS, List.of("recoveryDecidedOn",
                "recoveryProposal", "recoveryApproved", "recoveryAmount")).stream()
                .filter(r -> r.in("recoveryDecidedOn", period) && "RECOVER".equals(r.text("recoveryProposal"))
                        && r.flag("recoveryApproved")).toList();
        report.put("compensationRecoveries", recoveries.size());
        report.put("compensationRecovered", recoveries.stream().map(r -> r.text("recoveryAmount"))
                .filter(a -> a != null && !a.isBlank()).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString());

        report.put("byUnit", byUnit(received, new ArrayList<>(lostCases.values()), heldHearings(cases, period), overdue));
        report.put("byCause", received.stream().collect(Collectors.groupingBy(c -> String.valueOf(c.text("causeOfAction")),
                TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(e -> Map.of("causeOfAction", e.getKey(), "received", e.getValue())).toList());
        report.put("accountabilityCases", factsByCase.size());
        report.put("accountabilityReview", factsByCase.entrySet().stream().map(e -> {
            CaseRecord c = byNumber.get(e.getKey());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseNumber", e.getKey());
            row.put("leadUnitName", c == null ? null : c.text("leadUnitName"));
            row.put("facts", e.getValue().stream().map(f -> f.get("label")).distinct().toList());
            row.put("persons", e.getValue().stream().map(AnnualReport::persons).filter(p -> !p.isEmpty()).distinct()
                    .toList());
            return row;
        }).toList());
        return report;
    }

    /** 主管人员：…；直接责任人员：… of a fact, as far as known (Art. 22). */
    static String persons(Map<String, Object> fact) {
        List<String> parts = new ArrayList<>();
        if (fact.get("supervisor") != null && !String.valueOf(fact.get("supervisor")).isBlank()) {
            parts.add("主管人员：" + fact.get("supervisor"));
        }
        if (fact.get("directlyResponsible") != null && !String.valueOf(fact.get("directlyResponsible")).isBlank()) {
            parts.add("直接责任人员：" + fact.get("directlyResponsible"));
        }
        return String.join("；", parts);
    }

    private static boolean unjustifiedAbsence(Map<String, Object> hearing) {
        return !Boolean.TRUE.equals(hearing.get("headAppeared")) && !"JUSTIFIED".equals(hearing.get("headAbsence"));
    }

    private static long count(CaseRecord r, String name) {
        String text = r.text(name);
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Held hearings of the period by the case's unit. */
    private static Map<String, List<Map<String, Object>>> heldHearings(List<CaseRecord> cases, ReportPeriod period) {
        Map<String, List<Map<String, Object>>> byUnit = new TreeMap<>();
        for (CaseRecord c : cases) {
            for (Map<String, Object> h : c.list("hearings")) {
                if ("HELD".equals(h.get("outcome")) && period.contains(h.get("hearingDate"))) {
                    byUnit.computeIfAbsent(unit(c), u -> new ArrayList<>()).add(h);
                }
            }
        }
        return byUnit;
    }

    /**
     * Every decision of the case that took effect, as the case recorded it ({@code decisions}: effectiveOn and the
     * loss of that decision); a case recorded before decisions carried their own day of effect has its one decision
     * from the case's own variables.
     */
    static List<Map<String, Object>> effectiveDecisions(CaseRecord c) {
        List<Map<String, Object>> effective = c.list("decisions").stream().filter(d -> d.get("effectiveOn") != null)
                .map(d -> {
                    Map<String, Object> copy = new LinkedHashMap<>(d);
                    if (!(copy.get("loss") instanceof Boolean)) {
                        Outcome outcome = Outcome.parse(copy.get("outcome"));
                        copy.put("loss", outcome != null && outcome.loss());
                    }
                    return copy;
                }).toList();
        if (!effective.isEmpty() || c.date("effectiveOn") == null) {
            return effective;
        }
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("outcome", c.text("decisionOutcome"));
        legacy.put("effectiveOn", c.date("effectiveOn").toString());
        legacy.put("loss", lost(c));
        return List.of(legacy);
    }

    /** Archived in the period: every archive of the case is kept (a reopened case is archived again). */
    private static boolean closedIn(CaseRecord c, ReportPeriod period) {
        List<Map<String, Object>> closings = c.list("closings");
        if (closings.isEmpty()) {
            return c.in("closedOn", period);
        }
        return closings.stream().anyMatch(x -> period.contains(x.get("closedOn")));
    }

    /**
     * Work of a stage done after its deadline, or still not done after it (Art. 12, 13: the appeal opinion within 5
     * days, the loss analysis within 15): counted in the period in which it became late — the day after the deadline —
     * whether it was done later or not yet, so a past period does not change when the work comes in. Where the duty
     * depends on what the work says ({@code onlyIf}: the unit wants to appeal), only work done and saying so counts. The deadline is
     * counted again from the stage's start day by the legal-period rules; the work is the first completion of the task.
     * The start day is the stage's own copy, which its contract keeps in the history ({@code KEPT_IN_HISTORY} of
     * decisions.AppealOpinionContract and decisions.LossAnalysisContract; cases.RedundantHistory).
     */
    private long late(String process, String taskKey, DeadlineKind kind, String startVariable, String onlyIf,
                      ReportPeriod period) {
        List<CaseRecord> stages = records(process, onlyIf == null ? List.of(startVariable) : List.of(startVariable, onlyIf));
        if (stages.isEmpty()) {
            return 0;
        }
        Map<String, java.util.Date> done = new HashMap<>();
        java.util.Set<String> opened = new java.util.HashSet<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processDefinitionKey(process)
                .taskDefinitionKey(taskKey).list()) {
            opened.add(task.getProcessInstanceId());
            if (task.getEndTime() != null && "completed".equals(task.getDeleteReason())) {
                done.merge(task.getProcessInstanceId(), task.getEndTime(), (a, b) -> a.before(b) ? a : b);
            }
        }
        LocalDate today = clock.today();
        long late = 0;
        for (CaseRecord stage : stages) {
            LocalDate start = stage.date(startVariable);
            if (start == null || !opened.contains(stage.instanceId())) {
                continue;
            }
            LocalDate due = deadlines.compute(kind, start).due();
            if (!period.contains(due.plusDays(1))) {
                continue;
            }
            java.util.Date finished = done.get(stage.instanceId());
            boolean isLate = onlyIf != null ? finished != null && stage.flag(onlyIf) && LegalClock.dateOf(finished).isAfter(due)
                    : finished == null ? today.isAfter(due) && stage.open() : LegalClock.dateOf(finished).isAfter(due);
            if (isLate) {
                late++;
            }
        }
        return late;
    }
    private static boolean lost(CaseRecord c) {
        Outcome outcome = Outcome.parse(c.text("decisionOutcome"));
        return outcome != null && outcome.loss();
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                RoundingMode.HALF_UP);
    }

    private static List<Map<String, Object>> byOutcome(List<Map<String, Object>> decided) {
        Map<String, Long> counts = decided.stream().collect(Collectors.groupingBy(d -> String.valueOf(d.get("outcome")),
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

    private List<Map<String, Object>> byUnit(List<CaseRecord> received, List<CaseRecord> lost,
                                             Map<String, List<Map<String, Object>>> hearings, Map<String, Long> overdue) {
        Map<String, long[]> counts = new TreeMap<>();
        received.forEach(c -> counts.computeIfAbsent(unit(c), u -> new long[4])[0]++);
        lost.forEach(c -> counts.computeIfAbsent(unit(c), u -> new long[4])[1]++);
        hearings.forEach((unit, held) -> {
            long[] row = counts.computeIfAbsent(unit, u -> new long[4]);
            row[2] += held.size();
            row[3] += held.stream().filter(h -> Boolean.TRUE.equals(h.get("headAppeared"))).count();
        });
        return counts.entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            String name = units.find(e.getKey()).map(u -> u.name()).orElse("（承办单位未确定）");
            row.put("unit", e.getKey());
            row.put("unitName", name);
            row.put("received", e.getValue()[0]);
            row.put("lost", e.getValue()[1]);
            row.put("hearings", e.getValue()[2]);
            row.put("headAppearances", e.getValue()[3]);
            row.put("headAppearanceRate", rate(e.getValue()[3], e.getValue()[2]));
            row.put("overdue", overdue.getOrDefault(name, 0L));
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
    private Map<String, Long> overdueByUnit(ReportPeriod period) {
        // A 督办 is an instance of process supervision; one raised before that was a standalone task whose own
        // variables say the same.
        List<HistoricVariableInstance> raised = history.createHistoricVariableInstanceQuery().variableName(OVERDUE_SINCE)
                .disableCustomObjectDeserialization().list().stream().filter(v -> period.contains(v.getValue())).toList();
        List<String> taskIds = raised.stream().filter(v -> v.getTaskId() != null)
                .map(HistoricVariableInstance::getTaskId).toList();
        List<String> instanceIds = raised.stream()
                .filter(v -> v.getTaskId() == null && "supervision".equals(v.getProcessDefinitionKey()))
                .map(HistoricVariableInstance::getProcessInstanceId).toList();
        List<String> names = List.of("leadUnitName", "unitName", DeadlineWatch.UNIT, DeadlineWatch.DELAY,
                DeadlineWatch.SUPERVISES, RAISED_AT);
        Map<String, Map<String, Object>> notices = new HashMap<>();
        for (List<String> batch : batches(taskIds)) {
            history.createHistoricVariableInstanceQuery().taskIdIn(batch.toArray(String[]::new))
                    .variableNameIn(names.toArray(String[]::new))
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> notices.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue()));
        }
        for (List<String> batch : batches(instanceIds)) {
            history.createHistoricVariableInstanceQuery().processInstanceIdIn(batch.toArray(String[]::new))
                    .variableNameIn(names.toArray(String[]::new))
                    .disableCustomObjectDeserialization().list().stream().filter(v -> v.getTaskId() == null)
                    .forEach(v -> notices.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                            .put(v.getName(), v.getValue()));
        }
        Map<String, Map<String, Object>> charged = new HashMap<>();
        notices.forEach((taskId, notice) -> {
            Object delay = notice.get(DeadlineWatch.DELAY);
            charged.merge(delay == null ? "notice:" + taskId : String.valueOf(delay), notice,
                    (a, b) -> chargedFirst(a, b) ? a : b);
        });
        Map<String, Long> byUnit = new TreeMap<>();
        charged.values().forEach(n -> byUnit.merge(unitName(n), 1L, Long::sum));
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
        return unitName(a).compareTo(unitName(b)) <= 0;
    }

    /** The unit charged: a 督办 task named it leadUnitName, a 督办 instance names it unitName from its start. */
    private static String unitName(Map<String, Object> notice) {
        return String.valueOf(notice.containsKey("unitName") ? notice.get("unitName") : notice.get("leadUnitName"));
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
        return instances.stream().map(i -> new CaseRecord(i.getBusinessKey(), i.getId(), i.getEndTime() == null,
                vars.getOrDefault(i.getId(), Map.of()))).toList();
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            result.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return result;
    }
}
