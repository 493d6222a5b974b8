package cn.shapotou.litigation.reports;

import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.WebappSession;
import cn.shapotou.litigation.web.ErrorPages;
import cn.shapotou.litigation.identity.PageNavigation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report page (Art. 19, 20; README「年度统计、工作通报和年度报告章节」) for those logged in to the webapps: the figures of
 * {@code /api/reports/annual} as tables and charts, printable on A4. Without a webapp login the browser goes to
 * Cockpit's login first.
 */
@RestController
public class ReportPageController {

    private static final String PAGE = "reports/annual-report.html";

    private final PageNavigation navigation;
    private final ErrorPages errorPages;

    public ReportPageController(PageNavigation navigation, ErrorPages errorPages) {
        this.navigation = navigation;
        this.errorPages = errorPages;
    }

    @GetMapping("/reports/annual")
    public ResponseEntity<String> page(HttpServletRequest request) throws IOException {
        var user = WebappSession.user(request);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/camunda/app/cockpit/default/")).build();
        }
        if (!Roles.any(user.get().getGroupIds(), Roles.REPORT_READERS)) {
            // The Chinese error page, with the way back to Tasklist and the register (README「界面语言」).
            return errorPages.render(request, HttpStatus.FORBIDDEN.value(), "年度统计只向区司法局、区政府领导和系统管理员开放。");
        }
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                            + "script-src 'self' 'unsafe-inline'; img-src 'self' data:")
                    .body(navigation.into(new String(in.readAllBytes(), StandardCharsets.UTF_8), user.get(),
                            "/reports/annual"));
        }
    }
}
