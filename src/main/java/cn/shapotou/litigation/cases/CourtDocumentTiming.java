package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseReopening;
import cn.shapotou.litigation.casecore.CaseView;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Which court document makes sense when: a well-formed document may still not belong to the case as it stands (409
 * rather than 400: the document is fine, the case is not). Each kind's rule is its handler's.
 */
@Component
public class CourtDocumentTiming {

    private final RuntimeService runtime;
    private final CaseView cases;
    private final CaseReopening reopening;
    private final RegisteredCourtDocuments documents;
    private final CourtDocumentHandlers handlers;

    public CourtDocumentTiming(RuntimeService runtime, CaseView cases, CaseReopening reopening,
                               RegisteredCourtDocuments documents, CourtDocumentHandlers handlers) {
        this.runtime = runtime;
        this.cases = cases;
        this.reopening = reopening;
        this.documents = documents;
        this.handlers = handlers;
    }

    /** Why this (validated) document cannot belong to the case, or null. */
    public String conflict(String caseNumber, Map<String, ?> input) {
        CourtDocumentHandler handler = handlers.of(CourtDocumentKind.parse(input.get("kind")));
        CourtDocumentCase theCase = new CourtDocumentCase(caseNumber, reopening.runningInstance(caseNumber), runtime,
                cases, documents);
        return theCase.archived() ? handler.conflictWhenArchived(theCase, input) : handler.conflict(theCase, input);
    }
}
