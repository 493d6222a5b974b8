package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.decisions.CourtDecision;
import cn.shapotou.litigation.decisions.Outcome;
import cn.shapotou.litigation.decisions.OutcomeRule;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/**
 * A document that decides the case — a judgment, a ruling, a reconsideration decision (Art. 25): its outcome is
 * checked against the instance, and the case takes it up as {@link CourtDecision} reads it.
 */
abstract class DecisionDocumentHandler implements CourtDocumentHandler {

    private final RuntimeService runtime;
    private final CaseMessages messages;

    DecisionDocumentHandler(RuntimeService runtime, CaseMessages messages) {
        this.runtime = runtime;
        this.messages = messages;
    }

    /** The instance the decision closes: the one it names, or the first (a reconsideration has no other). */
    abstract Object instance(Map<String, ?> input);

    /** The reconsideration body's decision, whose outcomes are those of Art. 25 rather than a court's. */
    boolean byReconsiderationBody() {
        return false;
    }

    @Override
    public boolean carriesOutcome() {
        return true;
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        Outcome outcome = Outcome.parse(checks.value("outcome"));
        if (outcome == null) {
            checks.refuse("outcome", "裁判结果须为以下之一：" + String.join("、", Outcome.names()));
        } else {
            // Which outcome fits which instance, and the new result of an amendment (行政诉讼法第八十九条).
            checks.refuseAll(OutcomeRule.refusals(String.valueOf(checks.value("instance")),
                    byReconsiderationBody(), outcome, checks.value("amendedOutcome")));
        }
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        // A new decision: the previous one's date of effect no longer applies.
        Map<String, Object> vars = new HashMap<>();
        vars.put("effectiveOn", null);
        vars.put("decisionKind", kind().name());
        vars.put("decisionInstance", instance(input));
        vars.put("decisionOutcome", input.get("outcome"));
        vars.put("decisionAmendedOutcome", input.get("amendedOutcome"));
        vars.put("decisionReceivedOn", String.valueOf(input.get("receivedOn")));
        // Taken up at once by a waiting case, or when the case gets there (nothing is lost).
        vars.put("decisionPending", true);
        runtime.setVariables(runningCase, vars);
        return messages.correlateIfWaiting(caseNumber, CourtDecision.MESSAGE);
    }
}
