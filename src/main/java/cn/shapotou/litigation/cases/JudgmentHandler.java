package cn.shapotou.litigation.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

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
