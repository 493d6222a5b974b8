package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every demo user (and nobody logged in) against every {@code /api} endpoint and the key {@code /engine-rest} calls,
 * with the status README「运行」 and「接口」 give each. One table, so a change of who may do what shows here.
 */
@IntegrationTest
class SecurityMatrixTest {

    static final List<String> USERS = List.of("anonymous", "demo", "office", "justice", "leader", "counsel", "natres",
            "wenchang");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;

    private String caseNumber;

    /** {@code {n}} in a path stands for the case number (the template encodes it once). */
    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = "anonymous".equals(user) ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class, caseNumber);
    }

    /** Expected statuses in the order of {@link #USERS}. */
    private record Row(String what, HttpMethod method, String path, java.util.function.Supplier<Object> body,
                       int... expected) {}

    @Test
    void everyUserGetsTheStatusTheirRoleGives() {
        Map<String, Object> data = TestCases.natresCase();
        caseNumber = (String) data.get("caseNumber");
        assertThat(call("office", HttpMethod.POST, "/api/cases", data).getStatusCode().value()).isEqualTo(201);
        String n = "{n}";
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        String proposal = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();

        List<Row> rows = List.of(
                //                                                                       anon demo offi just lead coun natr wenc
                new Row("register a case", HttpMethod.POST, "/api/cases", () -> TestCases.natresCase(),
                        401, 201, 201, 201, 403, 403, 403, 403),
                new Row("read the case", HttpMethod.GET, "/api/cases/" + n, () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("list its documents", HttpMethod.GET, "/api/cases/" + n + "/documents", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("register a document", HttpMethod.POST, "/api/cases/" + n + "/documents",
                        () -> Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn", "2026-11-25"),
                        401, 201, 201, 201, 403, 403, 403, 403),
                new Row("print the power of attorney", HttpMethod.GET,
                        "/api/cases/" + n + "/documents/power-of-attorney.pdf", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("download the dossier", HttpMethod.GET, "/api/cases/" + n + "/dossier.zip", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("list the archive copies", HttpMethod.GET, "/api/cases/" + n + "/archive", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("count a deadline", HttpMethod.GET, "/api/deadlines?start=2026-01-05&days=15", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 200),
                new Row("see every overdue item", HttpMethod.GET, "/api/supervision/overdue", () -> null,
                        401, 200, 403, 200, 403, 403, 403, 403),
                new Row("read the annual report", HttpMethod.GET, "/api/reports/annual?year=2026", () -> null,
                        401, 200, 403, 200, 200, 403, 403, 403),
                new Row("reload the holiday calendar", HttpMethod.POST, "/api/admin/calendar/reload", () -> null,
                        401, 200, 403, 403, 403, 403, 403, 403),
                // The test database is in memory: the administrator is told that it cannot be backed up this way.
                new Row("back up the database", HttpMethod.POST, "/api/admin/backup", () -> null,
                        401, 409, 403, 403, 403, 403, 403, 403),
                new Row("list the database backups", HttpMethod.GET, "/api/admin/backups", () -> null,
                        401, 200, 403, 403, 403, 403, 403, 403),
                // README「运维」: moving open instances to the newest process versions, and its dry run.
                new Row("list what a migration would move", HttpMethod.GET, "/api/admin/migrations", () -> null,
                        401, 200, 403, 403, 403, 403, 403, 403),
                new Row("migrate open instances", HttpMethod.POST, "/api/admin/migrations", () -> null,
                        401, 200, 403, 403, 403, 403, 403, 403),
                // Art. 9 ¶3: a participant's own unit reports or files; leaders and the administrator have no unit here.
                new Row("report a major issue", HttpMethod.POST, "/api/cases/" + n + "/major-issues",
                        () -> Map.of("issue", "原告当庭增加诉讼请求", "reportText", "需要研判"),
                        401, 400, 201, 201, 400, 201, 201, 404),
                new Row("list the major-issue reports", HttpMethod.GET, "/api/cases/" + n + "/major-issues",
                        () -> null, 401, 200, 200, 200, 200, 200, 200, 404),
                new Row("print the newest major-issue report", HttpMethod.GET,
                        "/api/cases/" + n + "/documents/major-issue-report.pdf", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("file a document after the Justice Bureau's opinion", HttpMethod.POST,
                        "/api/cases/" + n + "/filings", () -> Map.of("filingKind", "WRITTEN_OPINION",
                                "filingTitle", "书面意见", "filingDraft", "意见内容"),
                        401, 400, 201, 201, 400, 201, 201, 404),
                new Row("list the filings", HttpMethod.GET, "/api/cases/" + n + "/filings", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 404),
                new Row("start a case by engine REST", HttpMethod.POST,
                        "/engine-rest/process-definition/key/litigation-case/start", () -> startBody(),
                        401, 200, 200, 200, 403, 403, 403, 403),
                new Row("list tasks by engine REST", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + n,
                        () -> null, 401, 200, 200, 200, 200, 200, 200, 200),
                new Row("read the case's variables", HttpMethod.GET,
                        "/engine-rest/process-instance/" + instance + "/variables", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 403),
                new Row("list incidents", HttpMethod.GET, "/engine-rest/incident", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 200),
                new Row("list task history by engine REST", HttpMethod.GET, "/engine-rest/history/task", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 200),
                // Counts over every instance, the engine's and Cockpit's: only who opens Cockpit (HistoryIsolationTest).
                new Row("count every process's instances", HttpMethod.GET,
                        "/engine-rest/process-definition/statistics", () -> null,
                        401, 200, 403, 200, 403, 403, 403, 403),
                new Row("count every activity's history", HttpMethod.GET,
                        "/engine-rest/history/process-definition/" + supervisionDefinition() + "/statistics",
                        () -> null, 401, 200, 403, 200, 403, 403, 403, 403),
                new Row("complete the Justice Bureau's proposal as someone else", HttpMethod.POST,
                        "/engine-rest/task/" + proposal + "/complete", () -> Map.of("variables", Map.of()),
                        401, -1, 403, -1, 403, 403, 403, 403),
                new Row("operator health", HttpMethod.GET, "/actuator/health", () -> null,
                        200, 200, 200, 200, 200, 200, 200, 200),
                new Row("operator metrics", HttpMethod.GET, "/actuator/metrics", () -> null,
                        401, 200, 403, 403, 403, 403, 403, 403),
                new Row("the H2 console stays off", HttpMethod.GET, "/h2-console", () -> null,
                        404, 404, 404, 404, 404, 404, 404, 404));

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < USERS.size(); i++) {
                if (row.expected()[i] < 0) {
                    continue; // would change the case for the rest of the table
                }
                int got = call(USERS.get(i), row.method(), row.path(), row.body().get()).getStatusCode().value();
                if (got != row.expected()[i]) {
                    wrong.add(row.what() + " as " + USERS.get(i) + ": " + got + " (expected " + row.expected()[i] + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noVariableIsEverReadThroughJavaSerialization(CapturedOutput log) {
        Map<String, Object> data = TestCases.natresCase();
        caseNumber = (String) data.get("caseNumber");
        assertThat(call("office", HttpMethod.POST, "/api/cases", data).getStatusCode().value()).isEqualTo(201);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        // A serialized java.lang.String "foo", as an attacker would send a gadget chain.
        Map<String, Object> serialized = Map.of("value", "rO0ABXQAA2Zvbw==", "type", "Object", "valueInfo",
                Map.of("objectTypeName", "java.lang.String", "serializationDataFormat",
                        "application/x-java-serialized-object"));
        ResponseEntity<String> refused = call("demo", HttpMethod.PUT,
                "/engine-rest/process-instance/" + instance + "/variables/evil", serialized);
        // The engine refuses it (javaSerializationFormatEnabled is off) and engine-rest reports that as 500: in Chinese
        // with a reference number for the person, the engine's English reason in the server log for operators.
        assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
        assertThat(refused.getBody()).contains("错误编号").doesNotContain("Java serialization");
        assertThat(log.getOut()).contains("Java serialization format is prohibited");
        assertThat(runtime.getVariable(instance, "evil")).isNull();
    }

    private String supervisionDefinition() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("supervision").latestVersion()
                .singleResult().getId();
    }

    /** The case data as typed engine-REST variables, with a fresh case number each call. */
    private static Map<String, Object> startBody() {
        Map<String, Object> variables = new LinkedHashMap<>();
        TestCases.natresCase().forEach((name, value) -> variables.put(name, value instanceof List<?> list
                ? Map.of("value", list.toString(), "type", "Json") : Map.of("value", value)));
        return Map.of("variables", variables);
    }
}
