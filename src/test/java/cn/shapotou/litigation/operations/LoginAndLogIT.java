package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.TestCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped configuration, as the packaged jar runs it (the test profile switches the lockout off so that wrong
 * passwords in tests cannot lock the demo users): a wrong password locks the user for a while, on the API and on the
 * webapps' sign-in alike (Camunda's login delay, kept as shipped; README「运行测试」); and what the log holds after a day's
 * kind of work names cases by their number only — no password, no credentials, no party's name, no free text.
 */
class LoginAndLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Personal data and free text that must not reach the log, whatever happens to the request carrying it. */
    private static final String PLAINTIFF = "欧阳测试原告";
    private static final String DEFENCE = "答辩理由含个人信息身份证号六四零五零二";

    @Test
    void aWrongPasswordLocksTheUserForAWhileAndTheLogKeepsNothingPersonal(@TempDir Path dir) throws Exception {
        try (AppProcess app = AppProcess.start(dir, List.of("--litigation.demo.cases=false"), Map.of())
                .awaitUp(Duration.ofSeconds(120))) {
            assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", "natres:demo").statusCode()).isEqualTo(200);

            assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", "natres:wrong-password").statusCode())
                    .isEqualTo(401);
            assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", "natres:demo").statusCode())
                    .as("right after a wrong password even the right one is refused").isEqualTo(401);
            assertThat(webappLogin(app.port, "natres", "demo")).as("on the webapps' sign-in too").isEqualTo(401);
            Thread.sleep(Duration.ofSeconds(7).toMillis());
            assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", "natres:demo").statusCode())
                    .as("after the delay the user may sign in again").isEqualTo(200);
            assertThat(webappLogin(app.port, "natres", "demo")).isEqualTo(200);

            // A day's kind of work: a case registered, one refused, a task done with free text, one refused.
            String number = "（2026）宁0502行初9911号";
            Map<String, Object> data = TestCases.natresCase();
            data.put("caseNumber", number);
            data.put("plaintiff", PLAINTIFF);
            assertThat(app.post("/api/cases", "office:demo", JSON.writeValueAsString(data)).statusCode())
                    .isEqualTo(201);
            data.put("caseNumber", "（2026）宁0502行初9912号");
            data.put("noticeReceivedOn", "2026-02-30");
            assertThat(app.post("/api/cases", "office:demo", JSON.writeValueAsString(data)).statusCode())
                    .isEqualTo(400);
            String task = taskId(app, "justice:demo", number, "DraftHandlingProposalTask");
            assertThat(app.post("/engine-rest/task/" + task + "/complete", "justice:demo", JSON.writeValueAsString(
                    Map.of("variables", Map.of("complexity", Map.of("value", "NONSENSE"),
                            "proposalNotes", Map.of("value", DEFENCE))))).statusCode())
                    .as("a refused completion").isEqualTo(400);
            assertThat(app.post("/engine-rest/task/" + task + "/complete", "justice:demo", JSON.writeValueAsString(
                    Map.of("variables", Map.of("complexity", Map.of("value", "NORMAL"),
                            "leadUnit", Map.of("value", "natural-resources"),
                            "coUnits", Map.of("value", "[]", "type", "Json"),
                            "proposedAppearance", Map.of("value", DEFENCE))))).statusCode()).isEqualTo(204);
            assertThat(app.get("/api/cases/%EF%BC%882026%EF%BC%89%E5%AE%810502%E8%A1%8C%E5%88%9D9911%E5%8F%B7",
                    "office:demo").body()).contains(PLAINTIFF);
            app.stop();

            String log = app.output();
            assertThat(log).as("the application ran and logged").contains("Started LitigationApplication");
            assertThat(log).as("no party's name").doesNotContain(PLAINTIFF);
            assertThat(log).as("no free text of a form").doesNotContain(DEFENCE);
            assertThat(log).as("no password").doesNotContain("wrong-password").doesNotContain("password=demo");
            for (String user : List.of("natres", "office", "justice")) {
                assertThat(log).as("no credentials").doesNotContain(Base64.getEncoder().encodeToString(
                        (user + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static String taskId(AppProcess app, String user, String caseNumber, String key) throws Exception {
        String body = app.get("/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceBusinessKey="
                + java.net.URLEncoder.encode(caseNumber, StandardCharsets.UTF_8), user).body();
        List<?> tasks = JSON.readValue(body, List.class);
        assertThat(tasks).as(body).hasSize(1);
        return (String) ((Map<?, ?>) tasks.get(0)).get("id");
    }

    /** The webapps' sign-in form, as Tasklist posts it (with the CSRF token its first page set). */
    private static int webappLogin(int port, String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + port;
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
