package cn.shapotou.litigation.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A court's judgment (判决书). */
@Component
public class JudgmentHandler extends CourtInstanceDecisionHandler {

    public JudgmentHandler(RuntimeService runtime, CaseMessages messages) {
        super(runtime, messages);
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.JUDGMENT;
    }
}
