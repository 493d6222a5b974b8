package cn.shapotou.litigation.proceedings;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.DocumentFiles;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.engine.FormFieldRefusal;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cases/{caseNumber}/major-issues} and {@code /filings} (第九条第三款): the agents' written reports of major
 * issues and the documents they file with the court after the Justice Bureau's opinion, started as in Tasklist. 404 for
 * a case the caller may not see, 409 for a closed case, 400 for bad input; a refused request starts nothing.
 */
@RestController
public class ProceedingsController {

    private static final Set<String> REPORT_FIELDS = Set.of("reportingUnit", "issue", "reportText", "urgency");
    private static final Set<String> FILING_FIELDS = Set.of("filingUnit", "filingKind", "filingTitle", "filingDraft",
            "courtDeadline");

    private final CaseProceedings proceedings;
    private final CaseView cases;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final CurrentUser user;
    private final SystemAccess system;
    private final UnitDirectory units;
    private final LegalClock clock;
    private final MajorIssueReportDocument reportDocument;
    private final DocumentFiles files;
    private final String district;

    public ProceedingsController(CaseProceedings proceedings, CaseView cases, RuntimeService runtime,
                                 HistoryService history, CurrentUser user, SystemAccess system, UnitDirectory units,
                                 LegalClock clock, MajorIssueReportDocument reportDocument, DocumentFiles files,
                                 @Value("${litigation.district-name:中卫市沙坡头区}") String district) {
        this.files = files;
        this.proceedings = proceedings;
        this.cases = cases;
        this.runtime = runtime;
        this.history = history;
        this.user = user;
        this.system = system;
        this.units = units;
        this.clock = clock;
        this.reportDocument = reportDocument;
        this.district = district;
    }

    @PostMapping("/api/cases/{caseNumber}/major-issues")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String caseNumber,
                                                      @RequestBody Map<String, Object> body) {
        String id = start(MajorIssueReport.PROCESS, caseNumber, body, REPORT_FIELDS, "reportingUnit", "报告单位");
        Map<String, Object> response = system.call(() -> summary(history.createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult(), List.of("reportingUnit", "reportedOn", "issue", "urgency",
                "reportSource")));
        String url = "/api/cases/" + CaseProceedings.encoded(caseNumber) + "/major-issues/" + id + "/report";
        response.put("report", Map.of("pdf", url + ".pdf", "docx", url + ".docx"));
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @GetMapping("/api/cases/{caseNumber}/major-issues")
    public List<Map<String, Object>> reports(@PathVariable String caseNumber) {
        return list(MajorIssueReport.PROCESS, caseNumber, List.of("reportingUnit", "reportedOn", "issue", "urgency",
                "reportSource", "instruction", "instructedOn"));
    }

    @GetMapping("/api/cases/{caseNumber}/major-issues/{id}/report.{format}")
    public ResponseEntity<byte[]> reportDocument(@PathVariable String caseNumber, @PathVariable String id,
                                                 @PathVariable String format) {
        if (!format.equals("pdf") && !format.equals("docx")) {
            throw new ApiException(HttpStatus.NOT_FOUND, "format", "没有这种文书格式：" + format);
        }
        List<String> groups = user.groups();
        byte[] body = system.call(() -> {
            Map<String, Object> vars = cases.visibleTo(caseNumber, groups);
            HistoricProcessInstance report = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionKey(MajorIssueReport.PROCESS).processInstanceBusinessKey(caseNumber)
                    .singleResult();
            if (report == null) {
                throw new ApiException(HttpStatus.NOT_FOUND, "id", "本案没有这份重大问题报告：" + id);
            }
            OfficialDocument built = MajorIssueReportDocument.build(new CaseDocumentContext(caseNumber, vars, cases,
                    units, district, clock.today()), reportDocument.variables(id));
            return files.render(built, format);
        });
        return files.file(body, reportDocument.name() + "-" + caseNumber, format, true);
    }

    @PostMapping("/api/cases/{caseNumber}/filings")
    public ResponseEntity<Map<String, Object>> file(@PathVariable String caseNumber,
                                                    @RequestBody Map<String, Object> body) {
        String id = start(CourtFiling.PROCESS, caseNumber, body, FILING_FIELDS, "filingUnit", "提交单位");
        return ResponseEntity.status(HttpStatus.CREATED).body(system.call(() -> summary(history
                .createHistoricProcessInstanceQuery().processInstanceId(id).singleResult(), List.of("filingUnit",
                "filingKind", "filingTitle", "courtDeadline", "draftedOn"))));
    }

    @GetMapping("/api/cases/{caseNumber}/filings")
    public List<Map<String, Object>> filings(@PathVariable String caseNumber) {
        return list(CourtFiling.PROCESS, caseNumber, List.of("filingUnit", "filingKind", "filingTitle",
                "courtDeadline", "opinion", "opinionOn", "filedOn", "withdrawnOn"));
    }

    /** Checks as a Tasklist start would, answering 404/409/400, then starts the process as the caller. */
    private String start(String process, String caseNumber, Map<String, Object> body, Set<String> fields,
                         String unitField, String unitLabel) {
        List<FieldError> unknown = new ArrayList<>();
        body.forEach((k, v) -> {
            if (!fields.contains(k)) {
                unknown.add(new FieldError(k, "未知字段：" + k));
            } else if (v != null && !(v instanceof String)) {
                unknown.add(new FieldError(k, k + " 须为文本"));
            }
        });
        String userId = user.id();
        List<String> groups = user.groups();
        system.call(() -> {
            Object given = body.get(unitField);
            String unit = given instanceof String s && !s.isBlank() ? s.strip()
                    : proceedings.defaultUnit(caseNumber, groups);
            proceedings.refusal(caseNumber, unit, userId, groups).ifPresent(r -> {
                if (r.status() == HttpStatus.BAD_REQUEST) {
                    unknown.add(new FieldError(unitField, unitLabel + "：" + r.message()));
                } else {
                    throw new ApiException(r.status(), r.field(), r.message());
                }
            });
            return null;
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, unknown);
        }
        Map<String, Object> variables = new LinkedHashMap<>(body);
        variables.put("caseNumber", caseNumber);
        try {
            return runtime.createProcessInstanceByKey(process).businessKey(caseNumber).setVariables(variables)
                    .execute().getId();
        } catch (ProcessEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (FormFieldRefusal.detailOf(t) instanceof List<?> errors) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, errors.stream().filter(FieldError.class::isInstance)
                            .map(FieldError.class::cast).toList());
                }
            }
            throw e;
        }
    }

    private List<Map<String, Object>> list(String process, String caseNumber, List<String> names) {
        List<String> groups = user.groups();
        return system.call(() -> {
            cases.visibleTo(caseNumber, groups);
            return history.createHistoricProcessInstanceQuery().processDefinitionKey(process)
                    .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list().stream()
                    .map(p -> summary(p, names)).toList();
        });
    }

    private Map<String, Object> summary(HistoricProcessInstance instance, List<String> names) {
        Map<String, Object> vars = reportDocument.variables(instance.getId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", instance.getId());
        result.put("caseNumber", instance.getBusinessKey());
        for (String name : names) {
            result.put(name, vars.get(name));
        }
        result.put("status", instance.getEndTime() == null ? "OPEN" : "DONE");
        return result;
    }
}
