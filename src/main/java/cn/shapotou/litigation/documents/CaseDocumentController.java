package cn.shapotou.litigation.documents;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/documents/{id}.pdf} and {@code .docx}: a document of the case made by its
 * {@link CaseDocumentTemplate}, for whoever may read the case (404 for everyone else, as for the case itself). A
 * {@code .docx} comes from the office's Word template where the document has one ({@link WordTemplateDocument}); a
 * document that exists only as a Word draft has no PDF.
 */
@RestController
public class CaseDocumentController {

    private final CaseView cases;
    private final SystemAccess system;
    private final CurrentUser user;
    private final UnitDirectory units;
    private final LegalClock clock;
    private final Map<String, CaseDocumentTemplate> templates;
    private final Map<String, WordTemplateDocument> wordTemplates = new HashMap<>();
    private final DocumentFiles files;
    private final String district;
    private final SavedDrafts drafts;

    public CaseDocumentController(CaseView cases, SystemAccess system, CurrentUser user, UnitDirectory units,
                                  LegalClock clock, List<CaseDocumentTemplate> templates,
                                  List<WordTemplateDocument> wordTemplates, DocumentFiles files, SavedDrafts drafts,
                                  @Value("${litigation.district-name:中卫市沙坡头区}") String district) {
        this.drafts = drafts;
        this.district = district;
        this.files = files;
        this.cases = cases;
        this.system = system;
        this.user = user;
        this.units = units;
        this.clock = clock;
        this.templates = templates.stream().collect(Collectors.toMap(CaseDocumentTemplate::id, Function.identity()));
        for (WordTemplateDocument word : wordTemplates) {
            this.wordTemplates.put(word.id(), word);
            word.otherIds().forEach(id -> this.wordTemplates.put(id, word));
        }
    }

    /**
     * {@code task}: the open task whose form the document was opened from; what the user saved there with 暂存 is used
     * first ({@link SavedDrafts}).
     */
    @GetMapping("/api/cases/{caseNumber}/documents/{document}.{format}")
    public ResponseEntity<byte[]> document(@PathVariable String caseNumber, @PathVariable String document,
                                           @PathVariable String format,
                                           @RequestParam(name = "task", required = false) String task) {
        boolean docx = format.equals("docx");
        WordTemplateDocument word = wordTemplates.get(document);
        // a document whose Word version has another name serves its PDF under that name too
        CaseDocumentTemplate drawn = templates.getOrDefault(document,
                word instanceof CaseDocumentTemplate both ? both : null);
        if (!docx && !format.equals("pdf") || drawn == null && (word == null || !docx)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "document", word != null && format.equals("pdf")
                    ? word.name() + "只有 Word 版本，请下载 " + document + ".docx"
                    : "没有这种文书：" + document + "." + format);
        }
        WordTemplateDocument filled = docx ? word : null;
        List<String> groups = user.groups();
        Map<String, Object> draft = drafts.of(caseNumber, task, cases);
        byte[] body = system.call(() -> {
            Map<String, Object> vars = cases.visibleTo(caseNumber, groups);
            CaseDocumentContext context = new CaseDocumentContext(caseNumber, vars, cases, units, district,
                    clock.today(), draft);
            return filled != null ? files.fill(filled, filled.data(context)) : files.render(drawn.build(context), format);
        });
        return files.file(body, (filled != null ? filled.name() : drawn.name()) + "-" + caseNumber, format, true);
    }
}
