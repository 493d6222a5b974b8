package cn.shapotou.litigation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /help}: our own help page in Chinese — signing in, registering a case, handling a task, review rounds,
 * documents, 督办 and the deadline rules (a summary of src/docs/deadlines.md) — linked from the welcome page in place
 * of Camunda's English documentation. It says nothing about any case, so it is open before signing in too; signed in,
 * it carries the navigation bar of the application's pages.
 */
@RestController
public class HelpPageController {

    private final NavigationBar navigation;

    public HelpPageController(NavigationBar navigation) {
        this.navigation = navigation;
    }

    @GetMapping({"/help", "/help/"})
    public ResponseEntity<String> help(HttpServletRequest request) throws IOException {
        String page;
        try (InputStream in = new ClassPathResource("help/help.html").getInputStream()) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        page = page.replace(NavigationBar.PLACEHOLDER, navigation.forSignedIn(request, "/help")
                .orElse("<nav class=\"page-nav\" aria-label=\"导航\">"
                        + "<a href=\"/camunda/app/tasklist/\">登录（待办任务）</a></nav>"));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
                .body(page);
    }
}
