package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.answer.AnswerMaterials;
import cn.shapotou.litigation.appearance.Agent;
import cn.shapotou.litigation.cases.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/documents/legal-representative-certificate.pdf} and {@code .../power-of-attorney.pdf}:
 * made from the case data and the handling units' answer materials, for whoever may read the case.
 */
@RestController
public class CaseDocumentController {

    private final CaseView cases;
    private final SystemAccess system;
    private final CurrentUser user;
    private final UnitDirectory units;
    private final LegalClock clock;
    private final CaseDocumentPdf pdf = new CaseDocumentPdf();
    private final String district;

    public CaseDocumentController(CaseView cases, SystemAccess system, CurrentUser user, UnitDirectory units,
                                  LegalClock clock, @Value("${litigation.district-name:中卫市沙坡头区}") String district) {
        this.district = district;
        this.cases = cases;
        this.system = system;
        this.user = user;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseNumber}/documents/{document}.pdf")
    public ResponseEntity<byte[]> document(@PathVariable String caseNumber, @PathVariable String document) {
        List<String> groups = user.groups();
        byte[] body = system.call(() -> {
            Map<String, Object> vars = cases.visibleTo(caseNumber, groups);
            Map<String, Map<String, Object>> materials = AnswerMaterials.parse(
                    cases.latestVariable(caseNumber, AnswerMaterials.VARIABLE));
            Map<String, Object> lead = materials.getOrDefault((String) vars.get("leadUnit"), Map.of());
            CaseDocumentPdf.CaseFacts facts = new CaseDocumentPdf.CaseFacts(caseNumber, (String) vars.get("court"),
                    (String) vars.get("plaintiff"), (String) vars.get("causeOfAction"),
                    units.officialName((String) vars.get("defendant"), district),
                    (String) lead.get("legalRepresentativeName"), (String) lead.get("legalRepresentativePost"),
                    clock.today());
            return switch (document) {
                case "legal-representative-certificate" -> pdf.legalRepresentativeCertificate(facts);
                case "power-of-attorney" -> pdf.powerOfAttorney(facts, agents(materials));
                default -> throw new ApiException(HttpStatus.NOT_FOUND, "document", "没有这种文书：" + document);
            };
        });
        String name = ("legal-representative-certificate".equals(document) ? "法定代表人身份证明书" : "授权委托书")
                + "-" + caseNumber + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The power of attorney names every unit's agents (AnswerMaterials.allAgents). */
    private List<CaseDocumentPdf.AgentLine> agents(Map<String, Map<String, Object>> materials) {
        List<CaseDocumentPdf.AgentLine> lines = new ArrayList<>();
        for (Map<String, Object> a : AnswerMaterials.allAgents(materials)) {
            String kind = (String) a.get("agentKind");
            String authority = (String) a.get("agentAuthority");
            lines.add(new CaseDocumentPdf.AgentLine((String) a.get("agentName"),
                    a.get("agentUnit") == null ? "" : units.nameOf((String) a.get("agentUnit")),
                    (String) a.get("agentPost"),
                    kind == null ? "" : Agent.AgentKind.valueOf(kind).label(),
                    authority == null ? "" : Agent.Authority.valueOf(authority) == Agent.Authority.SPECIAL
                            ? "特别授权" : "一般授权"));
        }
        return lines;
    }
}
