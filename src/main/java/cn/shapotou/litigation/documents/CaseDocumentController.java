package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.cases.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/documents/{id}.pdf} and {@code .docx}: a document of the case made by its
 * {@link CaseDocumentTemplate}, for whoever may read the case (404 for everyone else, as for the case itself).
 */
@RestController
public class CaseDocumentController {

    private final CaseView cases;
    private final SystemAccess system;
    private final CurrentUser user;
    private final UnitDirectory units;
    private final LegalClock clock;
    private final Map<String, CaseDocumentTemplate> templates;
    private final DocumentFiles files;
    private final String district;

    public CaseDocumentController(CaseView cases, SystemAccess system, CurrentUser user, UnitDirectory units,
                                  LegalClock clock, List<CaseDocumentTemplate> templates, DocumentFiles files,
                                  @Value("${litigation.district-name:中卫市沙坡头区}") String district) {
        this.district = district;
        this.files = files;
        this.cases = cases;
        this.system = system;
        this.user = user;
        this.units = units;
        this.clock = clock;
        this.templates = templates.stream().collect(Collectors.toMap(CaseDocumentTemplate::id, Function.identity()));
    }

    @GetMapping("/api/cases/{caseNumber}/documents/{document}.{format}")
    public ResponseEntity<byte[]> document(@PathVariable String caseNumber, @PathVariable String document,
                                           @PathVariable String format) {
        CaseDocumentTemplate template = templates.get(document);
        if (template == null || !format.equals("pdf") && !format.equals("docx")) {
            throw new ApiException(HttpStatus.NOT_FOUND, "document", "没有这种文书：" + document + "." + format);
        }
        List<String> groups = user.groups();
        byte[] body = system.call(() -> {
            Map<String, Object> vars = cases.visibleTo(caseNumber, groups);
            OfficialDocument built = template.build(new CaseDocumentContext(caseNumber, vars, cases, units, district,
                    clock.today()));
            return files.render(built, format);
        });
        return files.file(body, template.name() + "-" + caseNumber, format, true);
    }
}
