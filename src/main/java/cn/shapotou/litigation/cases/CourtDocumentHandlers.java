package cn.shapotou.litigation.cases;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The handler of each court document kind; exactly one each, or the application does not start. */
@Component
public class CourtDocumentHandlers {

    private final Map<CourtDocumentKind, CourtDocumentHandler> byKind = new EnumMap<>(CourtDocumentKind.class);

    public CourtDocumentHandlers(List<CourtDocumentHandler> handlers) {
        for (CourtDocumentHandler handler : handlers) {
            CourtDocumentHandler earlier = byKind.put(handler.kind(), handler);
            if (earlier != null) {
                throw new IllegalStateException("Two handlers for court document kind " + handler.kind() + ": "
                        + earlier.getClass().getSimpleName() + ", " + handler.getClass().getSimpleName());
            }
        }
        for (CourtDocumentKind kind : CourtDocumentKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalStateException("No handler for court document kind " + kind);
            }
        }
    }

    public CourtDocumentHandler of(CourtDocumentKind kind) {
        return byKind.get(kind);
    }
}
