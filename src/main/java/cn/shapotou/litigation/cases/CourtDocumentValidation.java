package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.PlainText;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Whether a court document's input is well-formed, whatever the case: the common fields, then its kind's own. */
@Component
public class CourtDocumentValidation {

    /** The fields a court document may carry (POST /api/cases/{n}/documents); anything else is refused, not kept. */
    public static final Set<String> FIELDS = Set.of("kind", "receivedOn", "hearingDate", "instance", "outcome",
            "effectiveOn", "replyDueOn", "initiatedBy", "summary", "amendedOutcome", "fileId");

    private final LegalClock clock;
    private final CourtDocumentHandlers handlers;

    public CourtDocumentValidation(LegalClock clock, CourtDocumentHandlers handlers) {
        this.clock = clock;
        this.handlers = handlers;
    }

    public List<FieldError> unknownFields(Map<String, ?> input) {
        return input.keySet().stream().filter(k -> !FIELDS.contains(k))
                .map(k -> new FieldError(k, "未知字段 " + k)).toList();
    }

    /** An empty list means the document may be registered (if it fits the case: {@link CourtDocumentTiming}). */
    public List<FieldError> validate(Map<String, ?> input) {
        CourtDocumentChecks checks = new CourtDocumentChecks(input, clock.today());
        CourtDocumentKind kind = CourtDocumentKind.parse(input.get("kind"));
        if (kind == null) {
            checks.refuse("kind", "文书种类须为：" + String.join("、",
                    Arrays.stream(CourtDocumentKind.values()).map(Enum::name).toList()));
        }
        checks.date("receivedOn", "收到日期", true, true);
        CourtDocumentHandler handler = kind == null ? null : handlers.of(kind);
        if (handler != null) {
            handler.check(checks);
        }
        if ((handler == null || !handler.carriesOutcome()) && input.get("amendedOutcome") != null) {
            checks.refuse("amendedOutcome", "改判结果仅用于判决书或裁定书");
        }
        Object summary = input.get("summary");
        if (summary != null && (!(summary instanceof String text) || text.length() > 4000)) {
            checks.refuse("summary", "文书摘要应为不超过 4000 字的文字");
        } else if (summary instanceof String text && PlainText.problem(text) != null) {
            checks.refuse("summary", "文书摘要" + PlainText.problem(text));
        }
        return checks.errors();
    }
}
