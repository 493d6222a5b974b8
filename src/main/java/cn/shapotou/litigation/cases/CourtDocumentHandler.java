package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casefile.FileCategory;
import java.util.Map;

/**
 * What one kind of court document means for a case: the fields only it carries, when it makes sense, and what the case
 * does with it. A new kind is an entry of {@link CourtDocumentKind} and one handler (a Spring bean) for it; the
 * application refuses to start without one ({@link CourtDocumentHandlers}).
 */
public interface CourtDocumentHandler {

    /** The kind handled; a constant, so the kinds can be read without the handler's collaborators. */
    CourtDocumentKind kind();

    /** Checks the fields only this kind carries (the common ones are {@link CourtDocumentValidation}'s). */
    default void check(CourtDocumentChecks checks) {
    }

    /** Where the document's scan belongs in the dossier (Art. 18); most court documents are decisions. */
    default FileCategory scanCategory() {
        return FileCategory.COURT_DECISION;
    }

    /** Whether the document carries a court's outcome (and so may carry {@code amendedOutcome}). */
    default boolean carriesOutcome() {
        return false;
    }

    /** Why this document cannot belong to the open case now, or null. */
    String conflict(CourtDocumentCase theCase, Map<String, ?> input);

    /** Why this document cannot belong to the archived case, or null: in general it belongs to a retrial first. */
    default String conflictWhenArchived(CourtDocumentCase theCase, Map<String, ?> input) {
        return "本案已立卷归档办结；如人民法院决定再审，请先登记再审裁定，再登记" + kind().label();
    }

    /**
     * Hands the checked document to the case. {@code runningCase} is the case's open instance, or null when it is
     * archived.
     * @return whether a step of the case took it up at once
     */
    boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input);
}
