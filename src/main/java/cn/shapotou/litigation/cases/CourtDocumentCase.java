package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseType;
import cn.shapotou.litigation.casecore.CaseView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;

/** The case a court document is registered on, as the rules of which document makes sense when read it. */
public final class CourtDocumentCase {

    private static final Set<String> DECISION_KINDS = Set.of(CourtDocumentKind.JUDGMENT.name(),
            CourtDocumentKind.RULING.name(), CourtDocumentKind.RECONSIDERATION_DECISION.name());

    private final String caseNumber;
    private final String runningCase;
    private final RuntimeService runtime;
    private final CaseView cases;
    private final RegisteredCourtDocuments documents;

    CourtDocumentCase(String caseNumber, String runningCase, RuntimeService runtime, CaseView cases,
                      RegisteredCourtDocuments documents) {
        this.caseNumber = caseNumber;
        this.runningCase = runningCase;
        this.runtime = runtime;
        this.cases = cases;
        this.documents = documents;
    }

    public boolean archived() {
        return runningCase == null;
    }

    /** Whether the open case has the variable set. */
    public boolean has(String variable) {
        return runtime.getVariable(runningCase, variable) != null;
    }

    /** A reconsideration-response case (Art. 25), whose decision is the reconsideration body's. */
    public boolean reconsideration() {
        Object caseType = archived() ? cases.caseVariables(caseNumber).map(v -> v.get("caseType")).orElse(null)
                : runtime.getVariable(runningCase, "caseType");
        return CaseType.RECONSIDERATION_RESPONSE.name().equals(caseType);
    }

    /** The judgments, rulings and reconsideration decisions registered on the case so far, as registered. */
    public List<Map<String, Object>> registeredDecisions() {
        return documents.list(caseNumber).stream().filter(d -> DECISION_KINDS.contains(d.get("kind"))).map(d -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) d.get("document");
            return payload;
        }).toList();
    }

    /** A plaintiff's appeal was registered, or our own appeal was filed (Art. 13–14). */
    public boolean appealed() {
        // After a remand the case is at first instance again: only an appeal against the new decision counts.
        boolean remanded = !archived() && has("remandedOn");
        if (!remanded && documents.kinds(caseNumber).contains(CourtDocumentKind.PLAINTIFF_APPEAL)) {
            return true;
        }
        if (!archived() && has("plaintiffAppealedOn")) {
            return true; // the district office confirmed the other party's appeal with the court
        }
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                .stream().map(p -> p.getId()).toArray(String[]::new);
        return instances.length > 0 && runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName("appealFiledOn").list().stream().anyMatch(v -> v.getValue() != null);
    }
}
