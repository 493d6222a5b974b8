package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.decisions.CourtDecision;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The court's certificate that the registered decision took legal effect. */
@Component
public class EffectiveHandler implements CourtDocumentHandler {

    private final RuntimeService runtime;
    private final CaseMessages messages;

    public EffectiveHandler(RuntimeService runtime, CaseMessages messages) {
        this.runtime = runtime;
        this.messages = messages;
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.EFFECTIVE;
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        checks.date("effectiveOn", "生效日期", true, true);
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        return theCase.registeredDecisions().isEmpty() ? "本案尚未登记判决书或裁定书，不能登记生效证明" : null;
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        // A decision that took effect when served (a second-instance judgment, a withdrawal) keeps that day.
        if (runtime.getVariable(runningCase, "effectiveOn") == null) {
            runtime.setVariable(runningCase, "effectiveOn", String.valueOf(input.get("effectiveOn")));
        }
        return messages.correlateIfWaiting(caseNumber, CourtDecision.EFFECTIVE_MESSAGE);
    }
}
