package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' login also opens {@code /api} (README「接口」: HTTP Basic or the webapps' session); a session request
 * that changes something needs the webapps' CSRF token, so another site cannot register cases in a clerk's name.
 */
@IntegrationTest
class WebappSessionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    private String base() {
        return "http://localhost:" + port;
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    }

    private void login(String user) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // As the webapp does after login: its next request carries the new session's token back.
        http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/engine/engine/")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<String> register(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/cases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(TestCases.natresCase()),
                        StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTasklistSessionOpensTheApiAndWritesNeedTheCsrfToken() throws Exception {
        login("office");
        HttpResponse<String> withoutToken = register(null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF");
        HttpResponse<String> created = register(csrfToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String caseNumber = (String) new ObjectMapper().readValue(created.body(), Map.class).get("caseNumber");
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases/"
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("拟定办理建议");
    }

    @Test
    void theWebappsOwnEngineCallsNeedTheCsrfTokenToo() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class)
                .getStatusCode().value()).isEqualTo(201);
        String task = taskService.createTaskQuery().processInstanceBusinessKey((String) data.get("caseNumber"))
                .taskDefinitionKey("DraftHandlingProposalTask").singleResult().getId();
        login("justice");
        HttpRequest.Builder claim = HttpRequest.newBuilder(URI.create(base()
                        + "/camunda/api/engine/engine/default/task/" + task + "/claim"))
                .header("Content-Type", "application/json").header("X-Authorized-Engine", "default")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"justice\"}"));
        HttpResponse<String> forged = http.send(claim.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a request from another site carries the session cookie but no token")
                .isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).as("refused by the CSRF filter").hasValue("Required");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as("nothing changed")
                .isNull();
        // With the token the same call is Tasklist's own claim, which the browser tests make (Browser.openAndClaim).
    }
}
