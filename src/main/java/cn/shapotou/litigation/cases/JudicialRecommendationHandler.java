package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.recommendations.JudicialRecommendationStage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A judicial recommendation starts its own reply process under the case number, open or archived (Art. 17). */
@Component
public class JudicialRecommendationHandler implements CourtDocumentHandler {

    private final RuntimeService runtime;
    private final CaseView cases;

    public JudicialRecommendationHandler(RuntimeService runtime, CaseView cases) {
        this.runtime = runtime;
        this.cases = cases;
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.JUDICIAL_RECOMMENDATION;
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        checks.date("replyDueOn", "要求回复日期", false, false);
    }

    @Override
    public FileCategory scanCategory() {
        return FileCategory.RECOMMENDATION;
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        return null;
    }

    @Override
    public String conflictWhenArchived(CourtDocumentCase theCase, Map<String, ?> input) {
        return null;
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        Map<String, Object> caseVars = cases.caseVariables(caseNumber).orElseThrow();
        Map<String, Object> vars = new HashMap<>();
        // The reply process shows the case and assigns by its units (judicial-recommendation.bpmn): the case's facts as
        // every stage gets them, from their one list.
        for (String name : CaseFacts.CASE) {
            vars.put(name, caseVars.get(name));
        }
        vars.put("caseStatus", caseVars.get("__status"));
        vars.put("recommendationReceivedOn", input.get("receivedOn"));
        vars.put("recommendationSummary", input.get("summary"));
        vars.put("replyDueOn", input.get("replyDueOn"));
        runtime.createMessageCorrelation(JudicialRecommendationStage.MESSAGE).processInstanceBusinessKey(caseNumber)
                .setVariables(vars).correlateStartMessage();
        return true;
    }
}
