package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dossier of a case (卷宗, Art. 18) over HTTP: the whole dossier as a ZIP, its index alone (what the unit checks
 * before it archives), and the archive copies kept each time the case was archived. Who may read the case may read
 * these; for anyone else the case does not exist (404).
 */
@RestController
public class DossierController {

    static final String ACTION_DOSSIER = "DOSSIER";
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final CaseFiles files;
    private final Dossier dossier;
    private final CaseArchives archives;
    private final FileStore store;
    private final CurrentUser user;

    public DossierController(CaseFiles files, Dossier dossier, CaseArchives archives, FileStore store,
                             CurrentUser user) {
        this.files = files;
        this.dossier = dossier;
        this.archives = archives;
        this.store = store;
        this.user = user;
    }

    /** Every paper is checked before the first byte leaves: a damaged one refuses the dossier with its name. */
    @GetMapping("/api/cases/{caseNumber}/dossier.zip")
    public void dossier(@PathVariable String caseNumber, HttpServletResponse response) throws IOException {
        Map<String, Object> variables = files.checkAccess(caseNumber);
        Dossier.Contents contents = dossier.prepare(caseNumber, variables, null);
        store.logAccess(caseNumber, user.id(), ACTION_DOSSIER, null);
        zipHeaders(response, "卷宗-" + Dossier.safe(caseNumber) + ".zip");
        dossier.write(contents, response.getOutputStream(), null);
    }

    @GetMapping("/api/cases/{caseNumber}/dossier/index.pdf")
    public ResponseEntity<byte[]> index(@PathVariable String caseNumber) {
        Map<String, Object> variables = files.checkAccess(caseNumber);
        byte[] pdf = dossier.indexPdf(dossier.prepare(caseNumber, variables, null));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("卷内目录-" + Dossier.safe(caseNumber) + ".pdf", StandardCharsets.UTF_8).build()
                        .toString())
                .body(pdf);
    }

    @GetMapping("/api/cases/{caseNumber}/archive")
    public List<Map<String, Object>> archive(@PathVariable String caseNumber) {
        return archives.list(caseNumber).stream().map(CaseArchives.Copy::json).toList();
    }

    @GetMapping("/api/cases/{caseNumber}/archive/{seq}.zip")
    public void archiveCopy(@PathVariable String caseNumber, @PathVariable int seq, HttpServletResponse response)
            throws IOException {
        CaseArchives.Copy copy = archives.openForDownload(caseNumber, seq);
        zipHeaders(response, copy.fileName());
        response.setContentLengthLong(copy.size());
        response.setHeader(HttpHeaders.ETAG, "\"" + copy.sha256() + "\"");
        archives.copy(copy, response.getOutputStream());
    }

    private static void zipHeaders(HttpServletResponse response, String fileName) {
        cn.shapotou.litigation.web.Attachment.start(response, ZIP.toString(), fileName);
    }
}
