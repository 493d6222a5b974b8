package cn.shapotou.litigation.cases;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The reconsideration body's decision, the decision of a reconsideration-response case (Art. 25). */
@Component
public class ReconsiderationDecisionHandler extends DecisionDocumentHandler {

    public ReconsiderationDecisionHandler(RuntimeService runtime, CaseMessages messages) {
        super(runtime, messages);
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.RECONSIDERATION_DECISION;
    }

    @Override
    boolean byReconsiderationBody() {
        return true;
    }

    @Override
    Object instance(Map<String, ?> input) {
        return "FIRST";
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        return theCase.reconsideration() ? null : "本案为行政诉讼案件，应登记判决书或裁定书，不能登记行政复议决定书";
    }
}
