package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.answer.SecondInstanceAnswer;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
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
     * The case takes up a decision: kept in the case's list of decisions; the hearing of this instance is over. A
     * decision that ends a case before the answer was delivered (a withdrawal, say) ends the statutory answer item too.
     */
    public void received(DelegateExecution execution) {
        execution.setVariable("decisionPending", false);
        List<Object> decisions = new ArrayList<>(FormValues.list(execution.getVariable("decisions")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", execution.getVariable("decisionKind"));
        entry.put("instance", execution.getVariable("decisionInstance"));
        entry.put("outcome", execution.getVariable("decisionOutcome"));
        Outcome outcome = Outcome.parse(execution.getVariable("decisionOutcome"));
        entry.put("outcomeLabel", outcome == null ? null : outcome.label());
        entry.put("loss", outcome != null && outcome.loss());
        entry.put("receivedOn", execution.getVariable("decisionReceivedOn"));
        decisions.add(entry);
        execution.setVariable("decisions", FormValues.toJson(decisions));
        execution.setVariable("decisionOutcomeLabel", outcome == null ? null : outcome.label());
        execution.setVariable("decisionTitle", title(execution.getVariable("decisionKind"),
                execution.getVariable("decisionInstance")));
        execution.removeVariable("hearingDate");
        answerWatch.close(execution);
    }

    /** A first-instance judgment or ruling of a court is open to appeal (ALL Art. 85) and gets an appeal opinion. */
    public boolean appealable(DelegateExecution execution) {
        return "FIRST".equals(execution.getVariable("decisionInstance"))
                && !RECONSIDERATION_DECISION.equals(execution.getVariable("decisionKind"));
    }

    /** Second-instance, retrial and reconsideration decisions take effect when served. */
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
        LocalDate today = LegalClock.dateOf(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
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

    /** Art. 12: the decision that took effect is a loss. */
    public boolean lost(DelegateExecution execution) {
        Outcome outcome = Outcome.parse(execution.getVariable("decisionOutcome"));
        return outcome != null && outcome.loss();
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
