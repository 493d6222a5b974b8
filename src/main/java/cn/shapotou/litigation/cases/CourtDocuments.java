package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.web.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The one door for court documents (the API and the Tasklist form 登记法院文书): validated
 * ({@link CourtDocumentValidation}), fitted to the case ({@link CourtDocumentTiming}), stored on the case and handed to
 * its process ({@link CourtDocumentDispatch}); what each kind means is its {@link CourtDocumentHandler}'s.
 */
@Service
public class CourtDocuments {

    private final CourtDocumentValidation validation;
    private final CourtDocumentTiming timing;
    private final CourtDocumentDispatch dispatch;
    private final RegisteredCourtDocuments registered;

    public CourtDocuments(CourtDocumentValidation validation, CourtDocumentTiming timing, CourtDocumentDispatch dispatch,
                          RegisteredCourtDocuments registered) {
        this.validation = validation;
        this.timing = timing;
        this.dispatch = dispatch;
        this.registered = registered;
    }

    public List<FieldError> unknownFields(Map<String, ?> input) {
        return validation.unknownFields(input);
    }

    /** Checks a document; an empty list means it may be registered. */
    public List<FieldError> validate(Map<String, ?> input) {
        return validation.validate(input);
    }

    /** Why this document cannot belong to the case, or null (409 rather than 400: the document is fine, the case is not). */
    public String conflict(String caseNumber, Map<String, ?> input) {
        return timing.conflict(caseNumber, input);
    }

    public CourtDocumentDispatch.Registered register(String caseNumber, Map<String, ?> input, String userId) {
        return dispatch.register(caseNumber, input, userId);
    }

    public List<Map<String, Object>> list(String caseNumber) {
        return registered.list(caseNumber);
    }
}
