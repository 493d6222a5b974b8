package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An unknown address or a webapp the user may not open is a Chinese page with the way back to Tasklist and the case
 * register, never Spring's English "Whitelabel Error Page"; a program asking JSON gets JSON (README「界面语言」).
 */
@IntegrationTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browser(String path) throws Exception {
        return get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    }

    private void login(String user) throws Exception {
        browser("/camunda/app/tasklist/default/");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    private static void chinesePage(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).doesNotContainIgnoringCase("Whitelabel").doesNotContain("There was an unexpected error")
                .contains("lang=\"zh-CN\"", "任务列表", "href=\"/camunda/app/tasklist/\"", "案件台账", "href=\"/cases\"");
    }

    @Test
    void anUnknownAddressIsAChinesePageForABrowser() throws Exception {
        for (String path : new String[] {"/no-such-page", "/reports/nothing", "/camunda/app/nothing/"}) {
            HttpResponse<String> page = browser(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            chinesePage(page);
            assertThat(page.body()).as(path).contains("页面不存在");
        }
    }

    @Test
    void aProgramAskingJsonGetsChineseJson() throws Exception {
        HttpResponse<String> json = get("/no-such-page", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains("\"errors\"", "页面不存在").doesNotContain("Not Found", "Whitelabel");
    }

    @Test
    void aLoggedInUserWithoutRightsSeesChinese() throws Exception {
        login("natres");
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/no-such-page"}) {
            HttpResponse<String> page = browser(path);
            assertThat(page.body()).as(path).doesNotContainIgnoringCase("Whitelabel");
            assertThat(page.statusCode()).as(path).isIn(403, 404);
            chinesePage(page);
            assertThat(page.body()).as(path).contains("刘伟");
        }
        HttpResponse<String> report = browser("/reports/annual");
        assertThat(report.statusCode()).isEqualTo(403);
        chinesePage(report);
        assertThat(report.body()).contains("没有访问权限", "年度统计只向区司法局、区政府领导和系统管理员开放");
        HttpResponse<String> forbidden = browser("/actuator/prometheus");
        assertThat(forbidden.statusCode()).isIn(401, 403, 404);
        assertThat(forbidden.body()).doesNotContainIgnoringCase("Whitelabel");
    }

    @Test
    void everyStatusHasAChineseExplanation() {
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 500, 503}) {
            ErrorPages.Explanation e = ErrorPages.explain(status);
            assertThat(e.title() + e.text()).as("status " + status).doesNotContainPattern("[A-Za-z]");
        }
    }
}
