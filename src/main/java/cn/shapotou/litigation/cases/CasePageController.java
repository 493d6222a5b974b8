package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.identity.WebappSession;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.identity.PageNavigation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages people use beside Tasklist: the register of cases ({@code /cases}) and one case ({@code /cases/{n}}), for
 * everybody logged in to the webapps; what a user sees is what {@code /api/cases} shows them (a unit its own cases,
 * the Justice Bureau all, Art. 3). Without a webapp login the browser goes to Tasklist's login first. A case the user
 * may not see is answered like an unknown one, so nobody learns it exists.
 */
@RestController
public class CasePageController {

    private static final String LOGIN = "/camunda/app/tasklist/default/";

    private final CaseView cases;
    private final SystemAccess system;
    private final PageNavigation navigation;

    public CasePageController(CaseView cases, SystemAccess system, PageNavigation navigation) {
        this.cases = cases;
        this.system = system;
        this.navigation = navigation;
    }

    @GetMapping({"/cases", "/cases/"})
    public ResponseEntity<String> register(HttpServletRequest request) throws IOException {
        var user = WebappSession.user(request);
        if (user.isEmpty()) {
            return login();
        }
        return page(HttpStatus.OK, navigation.into(read("cases/register.html"), user.get(), "/cases"));
    }

    @GetMapping("/cases/{caseNumber}")
    public ResponseEntity<String> caseOf(@PathVariable String caseNumber, HttpServletRequest request)
            throws IOException {
        var user = WebappSession.user(request);
        if (user.isEmpty()) {
            return login();
        }
        List<String> groups = PageNavigation.groups(user.get());
        String nav = navigation.html(user.get(), null);
        try {
            system.call(() -> cases.visibleTo(caseNumber, groups));
        } catch (ApiException notVisible) {
            return page(HttpStatus.NOT_FOUND, read("cases/not-found.html").replace(PageNavigation.PLACEHOLDER, nav)
                    .replace("{{caseNumber}}", HtmlUtils.htmlEscape(caseNumber)));
        }
        return page(HttpStatus.OK, read("cases/case.html").replace(PageNavigation.PLACEHOLDER, nav));
    }

    private static ResponseEntity<String> login() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(LOGIN)).build();
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self' 'unsafe-inline'; img-src 'self' data:")
                .body(html);
    }
}
