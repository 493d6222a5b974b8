package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.documents.DocumentFiles;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/bulletin?year=&quarter=&format=docx|pdf} (the quarterly 工作通报, Art. 20) and
 * {@code GET /api/reports/annual/chapter?year=&format=docx|pdf} (the rule-of-law report's chapter, Art. 19), for those
 * who read the annual report.
 */
@RestController
public class WorkBulletinController {

    private final WorkBulletin bulletin;
    private final CurrentUser user;
    private final SystemAccess system;
    private final LegalClock clock;
    private final DocumentFiles files;

    public WorkBulletinController(WorkBulletin bulletin, CurrentUser user, SystemAccess system, LegalClock clock,
                                  DocumentFiles files) {
        this.files = files;
        this.bulletin = bulletin;
        this.user = user;
        this.system = system;
        this.clock = clock;
    }

    @GetMapping("/api/reports/bulletin")
    public ResponseEntity<byte[]> quarterly(@RequestParam(required = false) String year,
                                            @RequestParam(required = false) String quarter,
                                            @RequestParam(required = false) String format) {
        allowed();
        int y = AnnualReportController.year(year, clock);
        int q = quarter(quarter);
        String f = format(format);
        OfficialDocument document = system.call(() -> bulletin.quarterly(ReportPeriod.quarter(y, q), clock.today()));
        return file(document, "行政应诉工作通报-" + y + "年第" + q + "季度", f);
    }

    @GetMapping("/api/reports/annual/chapter")
    public ResponseEntity<byte[]> chapter(@RequestParam(required = false) String year,
                                          @RequestParam(required = false) String format) {
        allowed();
        int y = AnnualReportController.year(year, clock);
        String f = format(format);
        OfficialDocument document = system.call(() -> bulletin.annualChapter(y, clock.today()));
        return file(document, "法治政府建设情况报告-行政应诉工作-" + y + "年度", f);
    }

    private void allowed() {
        if (!user.in(Roles.REPORT_READERS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "工作通报和年度报告只向区司法局、区政府领导和系统管理员开放");
        }
    }

    private static int quarter(String text) {
        if (text != null && text.strip().matches("[1-4]")) {
            return Integer.parseInt(text.strip());
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "quarter", "季度须为 1、2、3 或 4");
    }

    private static String format(String text) {
        if (text == null || "docx".equals(text)) {
            return "docx";
        }
        if ("pdf".equals(text)) {
            return "pdf";
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "format", "格式只能是 docx 或 pdf");
    }

    private ResponseEntity<byte[]> file(OfficialDocument document, String name, String format) {
        return files.file(files.render(document, format), name, format, false);
    }
}
