package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/annual?year=YYYY[&format=csv|xlsx]} (README「接口」), for the Justice Bureau and the leaders. */
@RestController
public class AnnualReportController {

    private final AnnualReport report;
    private final CurrentUser user;
    private final SystemAccess system;
    private final LegalClock clock;

    public AnnualReportController(AnnualReport report, CurrentUser user, SystemAccess system, LegalClock clock) {
        this.report = report;
        this.user = user;
        this.system = system;
        this.clock = clock;
    }

    @GetMapping("/api/reports/annual")
    public ResponseEntity<?> annual(@RequestParam(required = false) String year,
                                    @RequestParam(required = false) String format) {
        if (!user.in(Roles.REPORT_READERS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "年度统计只向区司法局、区政府领导和系统管理员开放");
        }
        int y = year(year, clock);
        if (format != null && !List.of("json", "csv", "xlsx").contains(format)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "format", "格式只能是 json、csv 或 xlsx");
        }
        Map<String, Object> figures = system.call(() -> report.of(y));
        if ("csv".equals(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annual-report-" + y + ".csv\"")
                    .body(AnnualReportCsv.write(figures));
        }
        if ("xlsx".equals(format)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(AnnualReportXlsx.CONTENT_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annual-report-" + y + ".xlsx\"")
                    .body(AnnualReportXlsx.write(y, figures));
        }
        return ResponseEntity.ok(figures);
    }

    static int year(String text, LegalClock clock) {
        int max = clock.today().getYear() + 1;
        try {
            int y = Integer.parseInt(text == null ? "" : text.strip());
            if (y >= 1990 && y <= max) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "year", "年度须为 1990 至 " + max + " 之间的四位年份");
    }
}
