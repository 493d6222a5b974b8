package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.answer.SecondInstanceAnswer;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.escalation.CaseWindows;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.StatutoryAnswerWatch;
import java.time.LocalDate;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a court decision means for the case (Art. 12–15), used by {@code litigation-case}: the document itself is
 * registered by {@code CourtDocuments}, which puts {@code decisionKind}, {@code decisionInstance},
 * {@code decisionOutcome} and {@code decisionReceivedOn} on the case before it hands the case the message.
 */
@Component("courtDecision")
public class CourtDecision {

    public static final String MESSAGE = "CourtDecision";
    public static final String PLAINTIFF_APPEAL_MESSAGE = "PlaintiffAppeal";
    public static final String EFFECTIVE_MESSAGE = "DecisionEffective";
    public static final String RECONSIDERATION_DECISION = "RECONSIDERATION_DECISION";
    /** Case variable: appeals we filed against decisions later set aside, {appealFiledOn}. */
    public static final String EARLIER_APPEALS = "earlierAppeals";

    private final StatutoryAnswerWatch answerWatch;
    private final SecondInstanceAnswer secondInstanceAnswer;
    private final Deadlines deadlines;

    private final CaseWindows windows;

    public CourtDecision(StatutoryAnswerWatch answerWatch, SecondInstanceAnswer secondInstanceAnswer,
                         Deadlines deadlines, CaseWindows windows) {
        this.windows = windows;
        this.deadlines = deadlines;
        this.answerWatch = answerWatch;
        this.secondInstanceAnswer = secondInstanceAnswer;
    }

    /**
     * The case takes up a decision: kept in the case's list of decisions with whether it is a loss once effective
     * (Art. 12, {@link OutcomeRule#loss}); the hearing of this instance is over. A decision that ends a case before the
     * answer was delivered (a withdrawal, say) ends the statutory answer item too.
     */
    public void received(DelegateExecution execution) {
        execution.setVariable("decisionPending", false);
        List<Map<String, Object>> decisions = decisions(execution);
        Outcome outcome = Outcome.parse(execution.getVariable("decisionOutcome"));
        Outcome amended = outcome == Outcome.AMENDED
                ? Outcome.parse(execution.getVariable("decisionAmendedOutcome")) : null;
        Map<String, Object> standing = OutcomeRule.standing(outcome, decisions);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", execution.getVariable("decisionKind"));
        entry.put("instance", execution.getVariable("decisionInstance"));
        entry.put("outcome", execution.getVariable("decisionOutcome"));
        entry.put("outcomeLabel", label(outcome, amended));
        if (outcome == Outcome.AMENDED) {
            entry.put("amendedOutcome", amended == null ? null : amended.name());
        }
        entry.put("loss", OutcomeRule.loss(outcome, amended, standing == null ? null : (Boolean) standing.get("loss")));
        // The result on the sued act this decision puts or leaves in place (none for a remand).
        Object result = outcome == Outcome.AMENDED ? entry.get("amendedOutcome")
                : standing != null ? standing.get("result")
                : outcome == Outcome.REMANDED || OutcomeRule.AFFIRMING.contains(outcome) ? null
                : execution.getVariable("decisionOutcome");
        entry.put("result", result);
        entry.put("receivedOn", execution.getVariable("decisionReceivedOn"));
        entry.put("effectiveOn", null);
        decisions.add(entry);
        execution.setVariable("decisions", FormValues.toJson(decisions));
        execution.setVariable("decisionResult", result);
        // 驳回上诉，维持原判（第二审）（原判：撤销）: an affirmance names what it leaves in force.
        execution.setVariable("decisionOutcomeLabel", standing == null ? label(outcome, amended)
                : label(outcome, amended) + "（原判：" + standing.get("outcomeLabel") + "）");
        execution.setVariable("decisionTitle", title(execution.getVariable("decisionKind"),
                execution.getVariable("decisionInstance")));
        execution.removeVariable("hearingDate");
        answerWatch.closeByDecision(execution, FormValues.storedDate(execution, "decisionReceivedOn"));
    }

    /** A first-instance decision open to appeal gets an appeal opinion (Art. 13; {@link OutcomeRule#appealable}). */
    public boolean appealable(DelegateExecution execution) {
        return OutcomeRule.appealable((String) execution.getVariable("decisionInstance"),
                RECONSIDERATION_DECISION.equals(execution.getVariable("decisionKind")),
                Outcome.parse(execution.getVariable("decisionOutcome")));
    }

    /** The decision sets the judgment aside and sends the case back to be heard again (行政诉讼法第八十九条). */
    public boolean remanded(DelegateExecution execution) {
        return Outcome.REMANDED == Outcome.parse(execution.getVariable("decisionOutcome"));
    }

    /**
     * The case is heard again by the court the decision sends it to — from a second instance the first (行政诉讼法第八十九
     * 条), from a retrial the court whose decision was set aside (法释〔2018〕1号第一百二十二条) — with the same lead unit
     * (Art. 14): answer preparation again, counted from the day the remand reached us (Art. 10 ¶2's 7 days). The court
     * hears it anew under the procedure of that instance, so the answer day of that instance is counted again from the
     * same day (行政诉讼法第六十七条 at first instance; none at second, where nobody serves a new appeal copy), and the
     * appeals against the set-aside decision are spent.
     */
    public void remand(DelegateExecution execution) {
        List<Map<String, Object>> decisions = decisions(execution);
        String instance = OutcomeRule.remandedTo((String) execution.getVariable("decisionInstance"),
                decisions.subList(0, Math.max(0, decisions.size() - 1)));
        execution.setVariable("courtInstance", instance);
        execution.setVariable("answerStartsOn", execution.getVariable("decisionReceivedOn"));
        execution.setVariable("remandedOn", execution.getVariable("decisionReceivedOn"));
        // Set aside: no decision of the case is in effect now.
        execution.setVariable("effectiveOn", null);
        execution.setVariable("effectiveLoss", false);
        // Our appeal was filed all the same (Art. 13, 20): the annual report counts it on the day it was filed.
        Object filed = execution.getVariable("appealFiledOn");
        if (filed != null) {
            List<Object> earlier = new ArrayList<>(FormValues.list(execution.getVariable(EARLIER_APPEALS)));
            earlier.add(Map.of("appealFiledOn", String.valueOf(filed)));
            execution.setVariable(EARLIER_APPEALS, FormValues.toJson(earlier));
        }
        for (String spent : List.of("appealFiledOn", "appealFiledLate", "plaintiffAppealedOn", "appealWanted",
                "appealApproved")) {
            execution.removeVariable(spent);
        }
        List<Map<String, Object>> caseDeadlines = new ArrayList<>(CaseDeadlineVariable.read(execution));
        caseDeadlines.removeIf(d -> DeadlineKind.STATUTORY_ANSWER.key().equals(d.get("key"))
                || DeadlineKind.SECOND_INSTANCE_ANSWER.key().equals(d.get("key")));
        CaseDeadline answer = null;
        if ("FIRST".equals(instance)) {
            answer = deadlines.compute(DeadlineKind.STATUTORY_ANSWER, FormValues.storedDate(execution, "decisionReceivedOn"));
            caseDeadlines = CaseDeadlineVariable.put(caseDeadlines, answer);
        }
        CaseDeadlineVariable.write(execution, caseDeadlines);
        if (answer != null) {
            // Watched until the answer is delivered, as the first one was.
            answerWatch.open(execution, answer.kind().key(), answer.due());
        }
    }

    /**
     * Second-instance, retrial and reconsideration decisions take effect when served, and so do a ruling that grants a
     * withdrawal and a mediation ({@link OutcomeRule#appealable}).
     */
    public void effectiveOnReceipt(DelegateExecution execution) {
        execution.setVariable("effectiveOn", execution.getVariable("decisionReceivedOn"));
    }

    /**
     * The decision took effect: from this day the statutory windows run whatever the unit later chooses — a retrial
     * within six months (法释〔2018〕1号 Art. 110; not for a reconsideration decision) — and the follow-up report is due
     * within fifteen days, never after the retrial window closes.
     */
    public void tookEffect(DelegateExecution execution) {
        LocalDate effective = FormValues.storedDate(execution, "effectiveOn");
        // The latest decision is the one that took effect: its day and its loss are the case's (Art. 12).
        List<Map<String, Object>> decisions = decisions(execution);
        boolean loss = false;
        if (!decisions.isEmpty()) {
            Map<String, Object> latest = decisions.get(decisions.size() - 1);
            latest.put("effectiveOn", effective.toString());
            loss = Boolean.TRUE.equals(latest.get("loss"));
            execution.setVariable("decisions", FormValues.toJson(decisions));
        }
        execution.setVariable("effectiveLoss", loss);
        List<Map<String, Object>> caseDeadlines = CaseDeadlineVariable.read(execution);
        String window = null;
        if (!RECONSIDERATION_DECISION.equals(execution.getVariable("decisionKind"))) {
            CaseDeadline retrial = deadlines.compute(DeadlineKind.RETRIAL, effective);
            caseDeadlines = CaseDeadlineVariable.put(caseDeadlines, retrial);
            window = DeadlineKind.RETRIAL.key();
            // A decision we lost (Art. 12) is the one the unit may find wrong (Art. 15): its window is watched until
            // used, also after the archive.
            if (lost(execution)) {
                windows.open(execution.getProcessBusinessKey(), retrial, (String) execution.getVariable("leadUnit"));
            }
        }
        caseDeadlines = CaseDeadlineVariable.put(caseDeadlines,
                deadlines.computeServing(DeadlineKind.FOLLOW_UP, effective, caseDeadlines, window));
        CaseDeadlineVariable.write(execution, caseDeadlines);
    }

    /**
     * Thirty days after a report that our own performance is still under way: the next report is due fifteen days
     * from today (the retrial question was answered in the first report).
     */
    public void reportAgain(DelegateExecution execution) {
        LocalDate today = LegalClock.dateOf(EngineClock.now());
        CaseDeadlineVariable.write(execution, CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution),
                deadlines.compute(DeadlineKind.FOLLOW_UP, today)));
    }

    /** Our own performance of the decision is still under way (Art. 22 (4)): the unit reports again until it is done. */
    public boolean performancePending(DelegateExecution execution) {
        return "IN_PROGRESS".equals(execution.getVariable("ownPerformance"))
                && "NONE".equals(execution.getVariable("followUp"));
    }

    /** We appealed, or the plaintiff did (Art. 13, 14): the case goes to second instance. */
    public boolean appealed(DelegateExecution execution) {
        return execution.getVariable("appealFiledOn") != null || execution.getVariable("plaintiffAppealedOn") != null;
    }

    /** Art. 12: the decision that took effect is a loss ({@code effectiveLoss}, set when it took effect). */
    public boolean lost(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable("effectiveLoss"));
    }

    /** 撤销原判，依法改判：撤销 — an amendment is named with its new result. */
    static String label(Outcome outcome, Outcome amended) {
        if (outcome == null) {
            return null;
        }
        return amended == null ? outcome.label() : outcome.label() + "：" + amended.label();
    }

    /** The case's decisions, oldest first, as mutable maps. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decisions(DelegateExecution execution) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object entry : FormValues.list(execution.getVariable("decisions"))) {
            if (entry instanceof Map<?, ?> map) {
                list.add(new LinkedHashMap<>((Map<String, Object>) map));
            }
        }
        return list;
    }

    /**
     * The case goes before the court again, with the same lead unit (Art. 14): a second instance from the appeal, a
     * retrial from the application. The new instance's answer is counted from the day it began.
     */
    public void nextInstance(DelegateExecution execution, String instance) {
        Object startedOn = "RETRIAL".equals(instance) ? execution.getVariable("retrialFiledOn")
                : earliest(execution.getVariable("appealFiledOn"), execution.getVariable("plaintiffAppealedOn"));
        execution.setVariable("courtInstance", instance);
        execution.setVariable("answerStartsOn", startedOn);
        // The other party appealed (confirmed with the court rather than registered): its appeal copy starts our answer.
        Object appealCopy = execution.getVariable("plaintiffAppealedOn");
        if ("SECOND".equals(instance) && appealCopy instanceof String day) {
            secondInstanceAnswer.open(execution.getProcessInstanceId(), java.time.LocalDate.parse(day));
        }
    }

    /** Art. 7 ¶2 names first-instance cases: in a second instance or a retrial a head's appearance is not mandatory. */
    public boolean headAppearanceRequired(DelegateExecution execution) {
        Object instance = execution.getVariable("courtInstance");
        return (instance == null || "FIRST".equals(instance))
                && Boolean.TRUE.equals(execution.getVariable("headAppearanceRequired"));
    }

    /** 第一审判决书, 第二审裁定书, 再审判决书, 行政复议决定书: how the forms name the decision. */
    static String title(Object kind, Object instance) {
        if (RECONSIDERATION_DECISION.equals(kind)) {
            return "行政复议决定书";
        }
        String level = switch (String.valueOf(instance)) {
            case "SECOND" -> "第二审";
            case "RETRIAL" -> "再审";
            default -> "第一审";
        };
        return level + ("RULING".equals(kind) ? "裁定书" : "判决书");
    }

    private static Object earliest(Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return String.valueOf(a).compareTo(String.valueOf(b)) <= 0 ? a : b;
    }
}
