package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseData;
import cn.shapotou.litigation.casecore.CaseNumberTakenException;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.casefile.CaseFiles;
import cn.shapotou.litigation.casefile.FileCategory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import cn.shapotou.litigation.engine.FormFieldRefusal;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases} (README「接口」): register a complaint copy, read a case. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseDataValidator validator;
    private final CaseRegistry registry;
    private final CaseView view;
    private final CaseDetails details;
    private final RuntimeService runtime;
    private final CurrentUser user;
    private final SystemAccess system;
    private final CaseFiles files;
    private final TransactionTemplate transaction;

    public CaseController(CaseDataValidator validator, CaseRegistry registry, CaseView view, CaseDetails details,
                          RuntimeService runtime, CurrentUser user, SystemAccess system, CaseFiles files,
                          TransactionTemplate transaction) {
        this.files = files;
        this.transaction = transaction;
        this.validator = validator;
        this.registry = registry;
        this.view = view;
        this.details = details;
        this.runtime = runtime;
        this.user = user;
        this.system = system;
    }

    // Without "consumes": any other content type reaches this endpoint and is refused in Chinese by the error handler.
    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@RequestBody Map<String, Object> body) {
        return register(body, data -> { });
    }

    /**
     * The same registration with the scans the district office received (Art. 10 ¶1): part {@code case} is the JSON
     * above, {@code complaint} the 起诉状副本 and {@code notice} the 应诉通知书. The scans are checked before anything is
     * registered, and the case and its scans are kept in one transaction: all or nothing.
     */
    @PostMapping(consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> registerWithScans(
            @RequestPart(name = "case", required = false) String caseJson,
            @RequestPart(name = "complaint", required = false) MultipartFile complaint,
            @RequestPart(name = "notice", required = false) MultipartFile notice) {
        Map<String, Object> body = cn.shapotou.litigation.web.JsonPart.parse(caseJson, "case", "案件信息");
        requireRegistrar();
        try (CaseFiles.Spooled complaintScan = files.spool(complaint, "complaint");
             CaseFiles.Spooled noticeScan = files.spool(notice, "notice")) {
            return transaction.execute(status -> register(body, data -> {
                files.store(data.caseNumber(), FileCategory.COMPLAINT, "起诉状副本", complaintScan);
                files.store(data.caseNumber(), FileCategory.NOTICE, "应诉通知书", noticeScan);
            }));
        }
    }

    private void requireRegistrar() {
        if (!Roles.any(user.groups(), Roles.CASE_REGISTRARS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有区政府办公室、区司法局和系统管理员可以登记应诉通知");
        }
    }

    private ResponseEntity<Map<String, Object>> register(Map<String, Object> body,
                                                         java.util.function.Consumer<CaseData> alsoKeep) {
        requireRegistrar();
        List<FieldError> unknown = validator.unknownFields(body.keySet());
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, unknown);
        }
        CaseDataValidator.Result result = validator.validate(body);
        if (!result.valid()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, result.errors());
        }
        CaseData data = result.data();
        if (registry.exists(data.caseNumber())) {
            throw taken(data.caseNumber());
        }
        ProcessInstanceWithVariables started;
        try {
            started = runtime.createProcessInstanceByKey(CaseView.CASE_PROCESS)
                    .businessKey(data.caseNumber())
                    .setVariables(data.toVariables())
                    .executeWithVariablesInReturn();
        } catch (RuntimeException e) {
            throw translate(e, data.caseNumber());
        }
        alsoKeep.accept(data);
        VariableMap vars = started.getVariables();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("caseNumber", data.caseNumber());
        response.put("processInstanceId", started.getId());
        response.put("leadUnit", vars.get("leadUnit"));
        response.put("coUnits", CaseAccess.unitList(json(vars.getValueTyped("coUnits"))));
        response.put("responsibilityBasis", vars.get("responsibilityBasis"));
        response.put("responsibilityExplanation", vars.get("responsibilityExplanation"));
        response.put("headAppearanceRequired", vars.get("headAppearanceRequired"));
        response.put("headAppearanceBasis", vars.get("headAppearanceBasis"));
        response.put("deadlines", cn.shapotou.litigation.deadlines.CaseDeadlineVariable.parse(
                (org.camunda.bpm.engine.variable.value.TypedValue) vars.getValueTyped("deadlines")));
        return ResponseEntity.created(URI.create("/api/cases/"
                + URLEncoder.encode(data.caseNumber(), StandardCharsets.UTF_8).replace("+", "%20"))).body(response);
    }

    @GetMapping("/{caseNumber}")
    public Map<String, Object> get(@PathVariable String caseNumber) {
        List<String> groups = user.groups();
        return system.call(() -> {
            Map<String, Object> vars = view.visibleTo(caseNumber, groups);
            return details.render(caseNumber, vars);
        });
    }

    private static Object json(Object value) {
        return value instanceof JsonValue j ? j.getValueSerialized() : value;
    }

    private static ApiException taken(String caseNumber) {
        return new ApiException(HttpStatus.CONFLICT, "caseNumber", "案号 " + caseNumber + " 已登记，不能重复登记");
    }

    /** A refusal from inside the start (a concurrent registration of the same number, a validation rule). */
    private static RuntimeException translate(RuntimeException e, String caseNumber) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CaseNumberTakenException || t instanceof DuplicateKeyException) {
                return taken(caseNumber);
            }
            if (FormFieldRefusal.detailOf(t) instanceof List<?> errors) {
                return new ApiException(HttpStatus.BAD_REQUEST, errors.stream()
                        .filter(FieldError.class::isInstance).map(FieldError.class::cast).toList());
            }
        }
        return e;
    }
}
