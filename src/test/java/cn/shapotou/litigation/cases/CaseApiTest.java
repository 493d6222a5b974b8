package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.casecore.CaseRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/cases} as README「接口」 describes it, with the handling unit of Art. 4, over HTTP. */
@IntegrationTest
class CaseApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseRegistry registry;

    private ResponseEntity<Map<String, Object>> post(String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String caseNumber) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange("/api/cases/{n}", HttpMethod.GET, null, JSON, caseNumber);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfficeRegistersACaseAndGetsTheResponsibleUnitAndDeadlines() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("actingUnit", "land-resources");
        data.put("reconsideration", "UPHELD");
        data.put("appearanceCategories", List.of(2));
        ResponseEntity<Map<String, Object>> response = post("office", data);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("caseNumber", data.get("caseNumber"))
                .containsEntry("leadUnit", "natural-resources")
                .containsEntry("coUnits", List.of("justice-bureau"))
                .containsEntry("headAppearanceRequired", true)
                .containsKey("processInstanceId");
        assertThat((String) body.get("responsibilityBasis")).contains("第四条第四款").contains("第四条第一款");
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) body.get("deadlines");
        assertThat(deadlines).anySatisfy(d -> {
            assertThat(d).containsEntry("key", "statutoryAnswer").containsEntry("start", "2026-11-20")
                    .containsEntry("days", 15).containsEntry("rawEnd", "2026-12-05").containsEntry("due", "2026-12-07")
                    .containsEntry("movedOver", List.of("2026-12-05", "2026-12-06"))
                    .containsEntry("calendarYears", List.of(2026));
            assertThat((String) d.get("basis")).contains("第六十七条");
        });
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) data.get("caseNumber"))
                .count()).as("the case and its intake stage carry the case number").isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void participantsReadTheCaseOthersDoNotLearnItExists() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        assertThat(post("justice", data).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> natres = get("natres", caseNumber);
        assertThat(natres.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(natres.getBody()).containsEntry("caseNumber", caseNumber).containsEntry("status", "OPEN")
                .containsEntry("stages", List.of("notice-intake")).containsEntry("leadUnit", "natural-resources")
                .containsEntry("coUnits", List.of());
        List<Map<String, Object>> openTasks = (List<Map<String, Object>>) natres.getBody().get("openTasks");
        assertThat(openTasks).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("name", "拟定办理建议").containsEntry("groups", List.of("justice-bureau"))
                .containsEntry("assignee", null).containsEntry("due", "2026-12-07T23:59:59+08:00")
                .containsKey("overdue"));
        assertThat(get("justice", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("office", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("demo", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> wenchang = get("wenchang", caseNumber);
        assertThat(wenchang.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errors(wenchang)).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("无权查看"));
        assertThat(get("justice", "（2026）宁0502行初999999号").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(null, caseNumber).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutALoginNothingAnswers() {
        ResponseEntity<Map<String, Object>> response = post(null, TestCases.natresCase());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(errors(response)).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("请先登录"));
        ResponseEntity<Map<String, Object>> wrong = rest.withBasicAuth("nobody", "wrong")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(TestCases.natresCase()), JSON);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onlyTheOfficeTheJusticeBureauAndAdministratorsRegisterCases() {
        for (String user : List.of("natres", "wenchang", "leader", "counsel")) {
            Map<String, Object> data = TestCases.natresCase();
            ResponseEntity<Map<String, Object>> response = post(user, data);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(registry.exists((String) data.get("caseNumber"))).isFalse();
        }
        assertThat(post("demo", TestCases.natresCase()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            caseNumber           | NULL            | 案号为必填项
            caseNumber           | '   '           | 案号为必填项
            court                | NULL            | 受理法院为必填项
            plaintiff            | NULL            | 原告为必填项
            causeOfAction        | NULL            | 案由为必填项
            noticeReceivedOn     | NULL            | 收到起诉状副本日期为必填项
            noticeReceivedOn     | 2999-12-31      | 不能晚于今天
            noticeReceivedOn     | 1980-01-01      | 不能早于
            noticeReceivedOn     | 20.11.2026      | yyyy-MM-dd
            actingUnit           | no-such-unit    | 原行政行为主管（作出）单位不是单位目录中的单位
            actingUnit           | district-government | 应填写具体的部门或乡镇
            defendant            | no-such-unit    | 被告不是单位目录中的单位
            reconsideration      | NULL            | 复议情况为必填项
            reconsideration      | MAYBE           | 复议情况的值不正确
            suedAct              | ORIGINAL        | 仅在复议后区人民政府为单独被告
            appearanceCategories | '[8]'           | 第七条第二款第1至7项
            unexpected           | x               | 未知字段 unexpected
            """)
    void badInputIsRefusedFieldByFieldAndChangesNothing(String field, String value, String message) throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        Object parsed = value != null && value.startsWith("[") ? new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(value, List.class) : value;
        data.put(field, parsed);
        ResponseEntity<Map<String, Object>> response = post("office", data);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat((String) e.get("message")).contains(message);
        });
        Object caseNumber = data.get("caseNumber");
        if (caseNumber instanceof String n && !n.isBlank()) {
            assertThat(registry.exists(n)).isFalse();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isZero();
        }
    }

    @Test
    void soleDefendantCasesMustSayWhichActIsSued() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("reconsideration", "SOLE_DEFENDANT");
        ResponseEntity<Map<String, Object>> response = post("office", data);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).anySatisfy(e -> assertThat(e).containsEntry("field", "suedAct"));
        data.put("suedAct", "RECONSIDERATION");
        ResponseEntity<Map<String, Object>> ok = post("office", data);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ok.getBody()).containsEntry("leadUnit", "justice-bureau").containsEntry("responsibilityBasis", "第四条第五款");
    }

    @Test
    void caseNumbersAreWrittenAsCourtsAndReconsiderationBodiesWriteThem() {
        for (String number : List.of("(2026)宁0502行初 %d号", "中卫复议〔2026〕%d号", "（2026）宁05行终%d/1号")) {
            Map<String, Object> data = TestCases.natresCase();
            data.put("caseNumber", String.format(number, System.nanoTime() % 1_000_000));
            assertThat(post("office", data).getStatusCode()).as(number).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void brokenJsonIsABadRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("office", "demo")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{\"caseNumber\": ", headers), JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("JSON"));
    }

    @Test
    void anExistingCaseNumberIsAConflict() {
        Map<String, Object> data = TestCases.natresCase();
        assertThat(post("office", data).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> again = post("justice", data);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(again)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "caseNumber"));
    }

    @Test
    void concurrentRegistrationsOfOneNumberCreateOneCase() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpStatus>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return HttpStatus.valueOf(post("office", data).getStatusCode().value());
            }));
        }
        start.countDown();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<HttpStatus> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) data.get("caseNumber"))
                .processDefinitionKey("litigation-case").count()).isEqualTo(1);
    }
}
