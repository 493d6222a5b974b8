package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.casefile.CaseFiles;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
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

/** {@code /api/cases/{caseNumber}/documents} (README「接口」): court documents that reached the district office. */
@RestController
public class CourtDocumentController {

    private final CourtDocuments documents;
    private final CaseView cases;
    private final CurrentUser user;
    private final SystemAccess system;
    private final CaseFiles files;
    private final CourtDocumentHandlers handlers;

    public CourtDocumentController(CourtDocuments documents, CaseView cases, CurrentUser user, SystemAccess system,
                                   CaseFiles files, CourtDocumentHandlers handlers) {
        this.files = files;
        this.handlers = handlers;
        this.documents = documents;
        this.cases = cases;
        this.user = user;
        this.system = system;
    }

    /** The document's data; {@code fileId} may name its scan, already in the case file. */
    @PostMapping("/api/cases/{caseNumber}/documents")
    @Transactional
    public ResponseEntity<Map<String, Object>> register(@PathVariable String caseNumber,
                                                        @RequestBody Map<String, Object> body) {
        requireRegistrar();
        validate(body);
        Object fileId = body.get("fileId");
        if (fileId != null && files.allVersionsOf(caseNumber).stream().noneMatch(f -> f.id().equals(fileId))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "fileId", "本案的案卷材料中没有这个文件：" + fileId);
        }
        return registerChecked(caseNumber, body);
    }

    /**
     * The same with the document's scan: part {@code document} is the JSON above, {@code file} the scan. The scan is
     * checked before anything is registered and kept in the case file (裁判文书, 庭审材料, 上诉材料 or 司法建议) in the same
     * transaction as the document.
     */
    @PostMapping(path = "/api/cases/{caseNumber}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    public ResponseEntity<Map<String, Object>> registerWithScan(@PathVariable String caseNumber,
            @RequestPart(name = "document", required = false) String documentJson,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        requireRegistrar();
        Map<String, Object> body = new LinkedHashMap<>(cn.shapotou.litigation.web.JsonPart.parse(documentJson, "document", "文书信息"));
        body.remove("fileId");
        validate(body);
        try (CaseFiles.Spooled scan = files.spool(file, "file")) {
            if (system.call(() -> cases.caseVariables(caseNumber)).isEmpty()) {
                throw notFound(caseNumber);
            }
            CourtDocumentKind kind = CourtDocumentKind.valueOf((String) body.get("kind"));
            body.put("fileId", files.store(caseNumber, handlers.of(kind).scanCategory(),
                    kind.label() + "（" + body.get("receivedOn") + "收到）", scan).id());
            return registerChecked(caseNumber, body);
        }
    }

    private void requireRegistrar() {
        if (!user.in(Roles.CASE_REGISTRARS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有区政府办公室、区司法局和系统管理员可以登记法院文书");
        }
    }

    private void validate(Map<String, Object> body) {
        List<FieldError> errors = new java.util.ArrayList<>(documents.unknownFields(body));
        errors.addAll(documents.validate(body));
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
    }

    private static ApiException notFound(String caseNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "caseNumber", "没有案号为 " + caseNumber + " 的案件");
    }

    private ResponseEntity<Map<String, Object>> registerChecked(String caseNumber, Map<String, Object> body) {
        return system.call(() -> {
            if (cases.caseVariables(caseNumber).isEmpty()) {
                throw notFound(caseNumber);
            }
            String conflict = documents.conflict(caseNumber, body);
            if (conflict != null) {
                throw new ApiException(HttpStatus.CONFLICT, "kind", conflict);
            }
            CourtDocumentDispatch.Registered registered = documents.register(caseNumber, body, user.id());
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
