package cn.shapotou.litigation.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The court documents registered on each case (table {@code lit_case_document}): kept beside the engine because an
 * archived case still shows them and a document may arrive before any step waits for it.
 */
@Repository
public class RegisteredCourtDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public RegisteredCourtDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new document's id */
    String add(String caseNumber, CourtDocumentKind kind, LocalDate receivedOn, Map<String, Object> document,
               boolean correlated, String userId) {
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO lit_case_document (id, case_number, kind, received_on, payload, correlated, "
                            + "registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseNumber, kind.name(),
                    Date.valueOf(receivedOn), JSON.writeValueAsString(document), correlated,
                    new Timestamp(EngineClock.now().getTime()), userId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public List<CourtDocumentKind> kinds(String caseNumber) {
        return jdbc.queryForList("SELECT kind FROM lit_case_document WHERE case_number = ?", String.class, caseNumber)
                .stream().map(CourtDocumentKind::valueOf).toList();
    }

    /** In the order registered: id, kind, name, receivedOn, correlated and the document as registered. */
    public List<Map<String, Object>> list(String caseNumber) {
        return jdbc.query("SELECT id, kind, received_on, payload, correlated FROM lit_case_document "
                + "WHERE case_number = ? ORDER BY registered_at", (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getString("id"));
                    row.put("kind", rs.getString("kind"));
                    row.put("name", CourtDocumentKind.valueOf(rs.getString("kind")).label());
                    row.put("receivedOn", rs.getDate("received_on").toLocalDate().toString());
                    row.put("correlated", rs.getBoolean("correlated"));
                    try {
                        row.put("document", JSON.readValue(rs.getString("payload"), Map.class));
                    } catch (JsonProcessingException e) {
                        row.put("document", Map.of());
                    }
                    return row;
                }, caseNumber);
    }
}
