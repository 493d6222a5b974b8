package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/cases/{caseNumber}/files}: the case file over HTTP — upload, list, download, and who read what. */
@RestController
public class CaseFileController {

    private final CaseFiles files;
    private final CurrentUser user;

    public CaseFileController(CaseFiles files, CurrentUser user) {
        this.files = files;
        this.user = user;
    }

    @PostMapping(path = "/api/cases/{caseNumber}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(@PathVariable String caseNumber,
                                                      @RequestPart(name = "file", required = false) MultipartFile file,
                                                      @RequestParam(required = false) String category,
                                                      @RequestParam(required = false) String title) {
        return ResponseEntity.status(HttpStatus.CREATED).body(files.upload(caseNumber, category, title, file).json());
    }

    @GetMapping("/api/cases/{caseNumber}/files")
    public List<Map<String, Object>> list(@PathVariable String caseNumber,
                                          @RequestParam(required = false) String versions) {
        return files.list(caseNumber, "all".equals(versions)).stream().map(CaseFile::json).toList();
    }

    /** The bytes as they came in, checked against their SHA-256 before the first byte leaves. */
    @GetMapping("/api/cases/{caseNumber}/files/{id}")
    public void download(@PathVariable String caseNumber, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        CaseFile file = files.openForDownload(caseNumber, id);
        cn.shapotou.litigation.web.Attachment.start(response, file.contentType(), file.fileName());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
        files.copy(file, response.getOutputStream());
    }

    @GetMapping("/api/cases/{caseNumber}/access-log")
    public List<Map<String, Object>> accessLog(@PathVariable String caseNumber) {
        if (!user.in(Roles.SUPERVISORS)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "caseNumber", "没有案号为 " + caseNumber + " 的案件，或您无权查看");
        }
        return files.accessLog(caseNumber).stream().map(a -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("at", a.at().atZone(cn.shapotou.litigation.deadlines.LegalClock.ZONE).toOffsetDateTime().toString());
            json.put("user", a.user());
            json.put("action", a.action());
            json.put("fileId", a.fileId());
            return json;
        }).toList();
    }
}
