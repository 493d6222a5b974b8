package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Broken, oversized, mistyped and hostile input to every {@code /api} door: each gets a clear 4xx with a
 * Chinese message in the error format of README「接口」 — never a 500 — and nothing of it is stored.
 */
@IntegrationTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SQL = "x'; DROP TABLE lit_case; --";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    static String target;

    @BeforeEach
    void aCaseForTheDocuments() {
        if (target == null) {
            Map<String, Object> data = TestCases.natresCase();
            assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class)
                    .getStatusCode().value()).isEqualTo(201);
            target = (String) data.get("caseNumber");
        }
    }

    private static Arguments casePost(String name, int status, Consumer<Map<String, Object>> change) {
        Map<String, Object> data = new HashMap<>(TestCases.natresCase());
        change.accept(data);
        try {
            return Arguments.of(name, HttpMethod.POST, "/api/cases", JSON.writeValueAsString(data), status);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments caseField(String field, Object value, int status) {
        return casePost(field + " = " + String.valueOf(value).replace("\n", "\\n"), status, d -> d.put(field, value));
    }

    private static Arguments documentPost(String name, int status, Map<String, Object> document) {
        try {
            return Arguments.of(name, HttpMethod.POST, "/api/cases/{target}/documents", JSON.writeValueAsString(document),
                    status);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments raw(String name, HttpMethod method, String path, String body, int status) {
        return Arguments.of(name, method, path, body, status);
    }

    static Stream<Arguments> hostile() {
        List<Arguments> all = new ArrayList<>();
        // Broken and oversized bodies.
        all.add(raw("broken JSON", HttpMethod.POST, "/api/cases", "{\"caseNumber\": ", 400));
        all.add(raw("empty body", HttpMethod.POST, "/api/cases", "", 400));
        all.add(raw("JSON array", HttpMethod.POST, "/api/cases", "[]", 400));
        all.add(raw("JSON string", HttpMethod.POST, "/api/cases", "\"（2026）宁0502行初1号\"", 400));
        all.add(raw("JSON null", HttpMethod.POST, "/api/cases", "null", 400));
        all.add(raw("nested 2000 deep", HttpMethod.POST, "/api/cases",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", 400));
        all.add(raw("300 KB body", HttpMethod.POST, "/api/cases",
                "{\"court\":\"" + "法".repeat(100_000) + "\"}", 413));
        all.add(raw("text/plain body", HttpMethod.POST, "/api/cases", "caseNumber=1", 415));
        // Script tags and SQL fragments in every text field of a case.
        for (String field : List.of("caseNumber", "court", "plaintiff", "causeOfAction")) {
            all.add(caseField(field, SCRIPT, 400));
            all.add(caseField(field, SQL, 400));
        }
        // Unicode edge cases in case numbers.
        all.add(caseField("caseNumber", "（2026）宁0502行初1\u200B号", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初\u202E号1", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初1😀号", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初1\u0301号", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初1\u0000号", 400));
        all.add(caseField("caseNumber", "\u3000\u3000", 400));
        all.add(caseField("caseNumber", "2026年第12", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初" + "1".repeat(100) + "号", 400));
        all.add(caseField("caseNumber", "（2026）宁0502行初1号\n（2026）宁0502行初2号", 400));
        // Wrong types.
        all.add(caseField("caseNumber", 12345, 400));
        all.add(caseField("caseNumber", Map.of("a", 1), 400));
        all.add(caseField("court", List.of("中卫市"), 400));
        all.add(caseField("noticeReceivedOn", 20261120, 400));
        all.add(caseField("reconsideration", 1, 400));
        all.add(caseField("appearanceCategories", "1,2", 400));
        all.add(caseField("appearanceCategories", List.of(List.of(1)), 400));
        all.add(caseField("appearanceCategories", Map.of("a", 1), 400));
        all.add(caseField("appearanceCategories", List.of(99999999999L), 400));
        all.add(caseField("appearanceCategories", List.of(0), 400));
        // Dates far away or impossible.
        all.add(caseField("noticeReceivedOn", "1900-01-01", 400));
        all.add(caseField("noticeReceivedOn", "2999-01-01", 400));
        all.add(caseField("noticeReceivedOn", "2026-02-30", 400));
        all.add(caseField("noticeReceivedOn", "2026-11-20T00:00:00Z", 400));
        // Unknown enum values, units and fields.
        all.add(caseField("reconsideration", "MAYBE", 400));
        all.add(caseField("suedAct", "BOTH", 400));
        all.add(caseField("caseType", "CRIMINAL", 400));
        all.add(caseField("defendant", "../../etc/passwd", 400));
        all.add(caseField("actingUnit", "natural-resources'; --", 400));
        all.add(caseField("__proto__", Map.of("admin", true), 400));
        all.add(caseField("court", "法".repeat(201), 400));
        all.add(caseField("plaintiff", "张三\n李四", 400));
        // Court documents.
        all.add(documentPost("kind SUMMONS", 400, Map.of("kind", "SUMMONS", "receivedOn", "2026-11-25")));
        all.add(documentPost("kind missing", 400, Map.of("receivedOn", "2026-11-25")));
        all.add(documentPost("receivedOn not a date", 400, Map.of("kind", "HEARING_NOTICE", "receivedOn", "soon",
                "hearingDate", "2026-12-20")));
        all.add(documentPost("hearing in 2999", 400, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-25",
                "hearingDate", "2999-01-01")));
        all.add(documentPost("script in summary", 400, Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn",
                "2026-11-25", "summary", SCRIPT)));
        all.add(documentPost("outcome GUILTY", 400, Map.of("kind", "JUDGMENT", "receivedOn", "2026-11-25",
                "instance", "FIRST", "outcome", "GUILTY")));
        all.add(documentPost("instance THIRD", 400, Map.of("kind", "JUDGMENT", "receivedOn", "2026-11-25",
                "instance", "THIRD", "outcome", "REVOKED")));
        all.add(documentPost("unknown field with markup", 400, Map.of("kind", "JUDICIAL_RECOMMENDATION",
                "receivedOn", "2026-11-25", "payload", "<img src=x onerror=alert(1)>")));
        all.add(documentPost("summary as object", 400, Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn",
                "2026-11-25", "summary", Map.of("x", 1))));
        all.add(raw("broken document JSON", HttpMethod.POST, "/api/cases/{target}/documents", "{\"kind\": [", 400));
        // Queries.
        all.add(raw("deadline start abc", HttpMethod.GET, "/api/deadlines?start=abc&days=5", null, 400));
        all.add(raw("deadline negative days", HttpMethod.GET, "/api/deadlines?start=2026-01-01&days=-5", null, 400));
        all.add(raw("deadline huge days", HttpMethod.GET, "/api/deadlines?start=2026-01-01&days=999999999", null, 400));
        all.add(raw("deadline days and months", HttpMethod.GET, "/api/deadlines?start=2026-01-01&days=1&months=1", null,
                400));
        all.add(raw("report year 99999", HttpMethod.GET, "/api/reports/annual?year=99999", null, 400));
        all.add(raw("report year SQL", HttpMethod.GET, "/api/reports/annual?year=2026%27%20OR%201=1", null, 400));
        all.add(raw("case number with script", HttpMethod.GET, "/api/cases/%3Cscript%3E", null, 404));
        all.add(raw("case number SQL", HttpMethod.GET, "/api/cases/x%27%20OR%20%271%27=%271", null, 404));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedWithAClearMessageAndStoresNothing(String name, HttpMethod method, String path, String body,
                                                    int status) {
        int cases = jdbc.queryForObject("SELECT COUNT(*) FROM lit_case", Integer.class);
        int documents = jdbc.queryForObject("SELECT COUNT(*) FROM lit_case_document", Integer.class);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("litigation-case").count();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(name.startsWith("text/plain") ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        // The report is the Justice Bureau's; everything else the district office's, who registers cases and documents.
        String user = path.startsWith("/api/reports") ? "justice" : "office";
        ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange(
                path.replace("{target}", java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)),
                method, new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().value()).as(name + ": " + response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).as(name).contains("\"errors\"").containsPattern("\\p{IsHan}");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lit_case", Integer.class)).as("cases").isEqualTo(cases);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lit_case_document", Integer.class)).as("documents")
                .isEqualTo(documents);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("litigation-case").count())
                .as("case processes").isEqualTo(instances);
    }
}
