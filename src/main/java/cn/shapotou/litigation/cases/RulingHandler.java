package cn.shapotou.litigation.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A court's ruling (裁定书), e.g. on a withdrawal or a dismissal of the suit. */
@Component
public class RulingHandler extends CourtInstanceDecisionHandler {

    public RulingHandler(RuntimeService runtime, CaseMessages messages) {
        super(runtime, messages);
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.RULING;
    }
}
