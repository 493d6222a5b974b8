package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The register and the case page are for those logged in to the webapps (without a login: to Tasklist's sign-in);
 * a case the user may not see is a Chinese 404 like an unknown one. The case's timeline in {@code GET /api/cases/{n}}
 * shows every stage and task, who was offered and who did it, the opinion of a returned review and the rounds, to the
 * case's participants only.
 */
@IntegrationTest
class CasePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private String caseNumber;

    @BeforeEach
    void returnedAnswer() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        walk.filePapers(caseNumber, "natural-resources");
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                CaseWalk.materials(List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        String review = walk.task(caseNumber, "ReviewAnswerTask").getId();
        tasks.claim(review, "justice");
        tasks.complete(review, Map.of("reviewPassed", false, "reviewRemarks", "请补充现场勘验的送达回证"));
    }

    private String encoded() {
        return URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpClient session(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return http;
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAWebappLoginThePagesSendTheBrowserToTheSignIn() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/cases", "/cases/" + encoded())) {
            HttpResponse<String> page = get(anonymous, path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/camunda/app/tasklist/default/");
            // A Basic login opens the API, not the pages (they belong to the webapps' session).
            HttpResponse<String> basic = anonymous.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("justice:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).as(path).isEqualTo(302);
        }
    }

    @Test
    void justiceSeesTheRegisterAndTheCaseWithAllLinks() throws Exception {
        HttpClient justice = session("justice");
        HttpResponse<String> register = get(justice, "/cases");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(register.body()).contains("行政应诉案件台账", "导出 Excel", "href=\"/reports/annual\"",
                "href=\"/camunda/app/cockpit/\"", "李强（区司法局）");
        HttpResponse<String> page = get(justice, "/cases/" + encoded());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("办理过程", "期限", "案卷材料", "href=\"/cases\"");
    }

    @Test
    void aUnitSeesItsOwnCaseAndNoOtherAndNoLinksBeyondItsRole() throws Exception {
        HttpClient natres = session("natres");
        HttpResponse<String> register = get(natres, "/cases");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).contains("行政应诉案件台账").doesNotContain("href=\"/reports/annual\"",
                "href=\"/camunda/app/cockpit/\"");
        assertThat(get(natres, "/cases/" + encoded()).statusCode()).isEqualTo(200);

        HttpClient housing = session("housing");
        HttpResponse<String> other = get(housing, "/cases/" + encoded());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("未找到案件", "您无权查看").doesNotContain("办理过程");
        HttpResponse<String> unknown = get(housing, "/cases/" + URLEncoder.encode("（2099）宁0502行初1号",
                StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("（2099）宁0502行初1号");
        HttpResponse<String> hostile = get(housing, "/cases/" + URLEncoder.encode("<b>x",
                StandardCharsets.UTF_8));
        assertThat(hostile.statusCode()).isEqualTo(404);
        assertThat(hostile.body()).doesNotContain("<b>x").contains("&lt;b&gt;x");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineShowsStagesTasksWhoAndTheReturnedRoundToParticipantsOnly() {
        for (String user : List.of("justice", "natres")) {
            ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity("/api/cases/{n}", Map.class,
                    caseNumber);
            assertThat(response.getStatusCode().value()).as(user).isEqualTo(200);
            List<Map<String, Object>> timeline = (List<Map<String, Object>>) response.getBody().get("timeline");
            assertThat(timeline).extracting(s -> s.get("process"))
                    .containsExactly("litigation-case", "notice-intake", "answer-preparation");
            Map<String, Object> intake = timeline.get(1);
            assertThat(intake.get("name")).isEqualTo("应诉通知登记与办理建议");
            assertThat(intake.get("end")).isNotNull();
            List<Map<String, Object>> intakeTasks = (List<Map<String, Object>>) intake.get("tasks");
            assertThat(intakeTasks).extracting(t -> t.get("name")).containsExactly("拟定办理建议", "审批办理建议");
            assertThat(intakeTasks.get(0).get("groups")).isEqualTo(List.of("justice-bureau"));
            assertThat(intakeTasks.get(1).get("groups")).isEqualTo(List.of("district-leaders"));
            assertThat(intakeTasks).allSatisfy(t -> assertThat(t.get("completed")).isEqualTo(true));

            List<Map<String, Object>> answer = (List<Map<String, Object>>) timeline.get(2).get("tasks");
            assertThat(answer).extracting(t -> t.get("name"))
                    .containsExactly("指派法律顾问", "准备答辩材料", "审核答辩材料", "准备答辩材料");
            Map<String, Object> review = answer.get(2);
            assertThat(review.get("assignee")).isEqualTo("justice");
            assertThat(review.get("assigneeName")).isEqualTo("李强（区司法局）");
            assertThat(review.get("remarks")).isEqualTo("请补充现场勘验的送达回证");
            Map<String, Object> again = answer.get(3);
            assertThat(again.get("round")).isEqualTo(2);
            assertThat(again.get("end")).isNull();
            assertThat(again.get("groups")).isEqualTo(List.of("natural-resources"));
        }
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity("/api/cases/{n}", String.class, caseNumber)
                .getStatusCode().value()).as("not a participant").isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUnitDirectoryNamesTheUnits() {
        List<Map<String, Object>> units = rest.withBasicAuth("natres", "demo").getForObject("/api/units", List.class);
        assertThat(units).anySatisfy(u -> {
            assertThat(u.get("id")).isEqualTo("natural-resources");
            assertThat(u.get("name")).isEqualTo("区自然资源局");
            assertThat(u.get("current")).isEqualTo(true);
        });
        assertThat(rest.getForEntity("/api/units", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
