package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist shows of an engine refusal is the {@code message} of the engine REST API's error body: Chinese only,
 * without the engine's English prefix, the task or definition id, or field ids (README「界面语言」).
 */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class EngineRestRefusalTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    private String proposalTask() {
        Map<String, Object> data = TestCases.natresCase();
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth("justice", "demo").exchange(
                "/engine-rest/task?processInstanceBusinessKey={n}", HttpMethod.GET, null, LIST, data.get("caseNumber"));
        return (String) tasks.getBody().get(0).get("id");
    }

    private static void chineseOnly(String message, String... ids) {
        assertThat(message).doesNotContain("Cannot").doesNotContain("Exception").doesNotMatch("(?s).*（[A-Za-z]+）.*");
        assertThat(message).matches("(?s)^\\P{IsLatin}.*");
        for (String id : ids) {
            assertThat(message).doesNotContain(id);
        }
    }

    @Test
    void aTaskFormRefusalIsTheChineseCauseWithEveryFieldNamedByItsLabel() {
        String task = proposalTask();
        Map<String, Object> variables = Map.of(
                "complexity", Map.of("value", "SOMETIMES", "type", "String"),
                "leadUnit", Map.of("value", "", "type", "String"));
        ResponseEntity<Map> response = rest.withBasicAuth("justice", "demo").postForEntity(
                "/engine-rest/task/{id}/submit-form", Map.of("variables", variables), Map.class, task);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String message = (String) response.getBody().get("message");
        assertThat(message).startsWith("提交的内容未通过校验：")
                .contains("案件难易程度").contains("应诉事务承办单位").contains("；");
        chineseOnly(message, task, "complexity", "leadUnit");
        assertThat(response.getBody()).containsKeys("type", "message");
    }

    /** Tasklist itself submits through the webapps' engine API with the session and its CSRF token. */
    @Test
    void tasklistsOwnEngineApiAnswersTheSameWay() throws Exception {
        String task = proposalTask();
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=justice&password=demo")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String body = "{\"variables\":{\"complexity\":{\"value\":\"SOMETIMES\",\"type\":\"String\"}}}";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/engine/engine/default/task/" + task + "/submit-form"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        Map<String, Object> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(refused.body(), Map.class);
        String message = (String) json.get("message");
        assertThat(message).startsWith("提交的内容未通过校验：").contains("案件难易程度须选择");
        chineseOnly(message, task, "complexity");
        assertThat(json.get("errors").toString()).as("field ids for programs").contains("complexity");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/engine/engine/default/task/no-such-task/claim"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"justice\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(missing.body()).contains("任务不存在").doesNotContain("Cannot", "no-such-task");
    }

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theRegistrationStartFormRefusalHasNoDefinitionIdAndNoFieldIds() {
        Map<String, Object> variables = Map.of(
                "caseNumber", Map.of("value", "随便写的", "type", "String"),
                "noticeReceivedOn", Map.of("value", "2999-01-01", "type", "String"),
                "reconsideration", Map.of("value", "NONE", "type", "String"));
        ResponseEntity<Map> response = rest.withBasicAuth("office", "demo").postForEntity(
                "/engine-rest/process-definition/key/litigation-case/submit-form",
                Map.of("variables", variables), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String message = (String) response.getBody().get("message");
        assertThat(message).contains("受理法院").contains("案号").contains("不能晚于今天");
        chineseOnly(message, "litigation-case", "caseNumber", "court", "noticeReceivedOn");
    }

    @Test
    void aTaskClaimedBySomeoneElseIsSaidInChinese() {
        String task = proposalTask();
        assertThat(rest.withBasicAuth("justice", "demo").postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", "justice"), Map.class, task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map> second = rest.withBasicAuth("justice2", "demo").postForEntity(
                "/engine-rest/task/{id}/claim", Map.of("userId", "justice2"), Map.class, task);
        assertThat(second.getStatusCode().is2xxSuccessful()).isFalse();
        String message = (String) second.getBody().get("message");
        assertThat(message).contains("已由他人认领");
        chineseOnly(message, task);
    }

    @Test
    void aMissingTaskAndAForbiddenTaskAreSaidInChineseWithTheEnginesStatus() {
        ResponseEntity<Map> missing = rest.withBasicAuth("justice", "demo").postForEntity(
                "/engine-rest/task/{id}/complete", Map.of(), Map.class, "no-such-task");
        assertThat(missing.getStatusCode().is2xxSuccessful()).as("the engine's own status, 500 here").isFalse();
        chineseOnly((String) missing.getBody().get("message"), "no-such-task");
        assertThat((String) missing.getBody().get("message")).contains("任务不存在");

        String task = proposalTask();
        ResponseEntity<Map> forbidden = rest.withBasicAuth("wenchang", "demo").postForEntity(
                "/engine-rest/task/{id}/claim", Map.of("userId", "wenchang"), Map.class, task);
        assertThat(forbidden.getStatusCode().is2xxSuccessful()).isFalse();
        chineseOnly((String) forbidden.getBody().get("message"), task, "wenchang");

        ResponseEntity<Map> start = rest.withBasicAuth("natres", "demo").postForEntity(
                "/engine-rest/process-definition/key/litigation-case/start",
                Map.of("businessKey", TestCases.newCaseNumber()), Map.class);
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) start.getBody().get("message")).contains("没有执行此操作的权限");
        assertThat(start.getBody().get("type")).as("Tasklist still tells an authorization failure by its type")
                .isEqualTo("AuthorizationException");
    }

    /** The engine's other common refusals, hard to provoke over HTTP in a test, become Chinese sentences. */
    @Test
    void theEnginesCommonEnglishBecomesChinese() {
        String conflict = EngineRestErrors.chinese(new org.camunda.bpm.engine.OptimisticLockingException(
                "ENTITY_UPDATE TaskEntity[1] was updated by another transaction concurrently"));
        assertThat(conflict).contains("已被他人修改");
        String suspended = EngineRestErrors.chinese(new org.camunda.bpm.engine.rest.exception.RestException(
                jakarta.ws.rs.core.Response.Status.BAD_REQUEST,
                new org.camunda.bpm.engine.SuspendedEntityInteractionException("task 1 is suspended"),
                "Cannot complete task 1: task 1 is suspended"));
        assertThat(suspended).contains("挂起");
        assertThat(EngineRestErrors.stripPrefix(
                "Cannot instantiate process definition litigation-case:1:abc-1: 登记应诉通知未通过校验：案号为必填项"))
                .isEqualTo("登记应诉通知未通过校验：案号为必填项");
        assertThat(EngineRestErrors.stripPrefix("（2026）宁0502行初1号已登记")).isEqualTo("（2026）宁0502行初1号已登记");
        assertThat(EngineRestErrors.chinese(new IllegalStateException("something English"))).isNull();
    }
}
