package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{caseNumber}/documents} (CONTRACT §5): court documents that reached the district office. */
@RestController
public class CourtDocumentController {

    private final CourtDocuments documents;
    private final CaseView cases;
    private final CurrentUser user;
    private final SystemAccess system;

    public CourtDocumentController(CourtDocuments documents, CaseView cases, CurrentUser user, SystemAccess system) {
        this.documents = documents;
        this.cases = cases;
        this.user = user;
        this.system = system;
    }

    @PostMapping("/api/cases/{caseNumber}/documents")
    @Transactional
    public ResponseEntity<Map<String, Object>> register(@PathVariable String caseNumber,
                                                        @RequestBody Map<String, Object> body) {
        if (!user.in(Roles.CASE_REGISTRARS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有区政府办公室、区司法局和系统管理员可以登记法院文书");
        }
        List<FieldError> errors = new java.util.ArrayList<>(documents.unknownFields(body));
        errors.addAll(documents.validate(body));
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        return system.call(() -> {
            if (cases.caseVariables(caseNumber).isEmpty()) {
                throw new ApiException(HttpStatus.NOT_FOUND, "caseNumber", "没有案号为 " + caseNumber + " 的案件");
            }
            String conflict = documents.conflict(caseNumber, body);
            if (conflict != null) {
                throw new ApiException(HttpStatus.CONFLICT, "kind", conflict);
            }
            CourtDocuments.Registered registered = documents.register(caseNumber, body, user.id());
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("id", registered.id());
            response.put("caseNumber", caseNumber);
            response.put("kind", registered.kind().name());
            response.put("name", registered.kind().label());
            response.put("correlated", registered.correlated());
            response.put("document", registered.document());
            return ResponseEntity.status(HttpStatus.CREATED).body(response);
        });
    }

    @GetMapping("/api/cases/{caseNumber}/documents")
    public List<Map<String, Object>> list(@PathVariable String caseNumber) {
        List<String> groups = user.groups();
        return system.call(() -> {
            cases.visibleTo(caseNumber, groups);
            return documents.list(caseNumber);
        });
    }
}
