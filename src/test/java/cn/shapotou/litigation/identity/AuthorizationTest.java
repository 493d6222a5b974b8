package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Authorization is on and each role gets what it needs (README「运行」): the engine REST API needs a login, a township
 * sees none of another unit's tasks, and a department cannot start a case.
 */
@IntegrationTest
class AuthorizationTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    private String registerNatresCase() {
        Map<String, Object> data = TestCases.natresCase();
        ResponseEntity<Map> created = rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) data.get("caseNumber");
    }

    private List<Map<String, Object>> tasksOf(String user, String caseNumber) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
                "/engine-rest/task?processInstanceBusinessKey={n}", HttpMethod.GET, null, LIST, caseNumber);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void theEngineRestApiNeedsALogin() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("justice", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTownshipSeesNoTaskOfACaseLedByNaturalResources() {
        String caseNumber = registerNatresCase();
        assertThat(tasksOf("justice", caseNumber)).extracting(t -> t.get("name")).containsExactly("拟定办理建议");
        assertThat(tasksOf("wenchang", caseNumber)).isEmpty();
        assertThat(tasksOf("natres", caseNumber)).as("the proposal is the Justice Bureau's task").isEmpty();
        ResponseEntity<List<Map<String, Object>>> instances = rest.withBasicAuth("wenchang", "demo").exchange(
                "/engine-rest/process-instance?businessKey={n}", HttpMethod.GET, null, LIST, caseNumber);
        assertThat(instances.getBody()).isEmpty();
        ResponseEntity<List<Map<String, Object>>> natres = rest.withBasicAuth("natres", "demo").exchange(
                "/engine-rest/process-instance?businessKey={n}", HttpMethod.GET, null, LIST, caseNumber);
        assertThat(natres.getBody()).as("the lead unit reads its case's instances").hasSize(2);
    }

    @Test
    void aDepartmentCannotStartACase() {
        Map<String, Object> body = Map.of("businessKey", TestCases.newCaseNumber(), "variables", Map.of());
        ResponseEntity<String> response = rest.withBasicAuth("natres", "demo").exchange(
                "/engine-rest/process-definition/key/litigation-case/start", HttpMethod.POST,
                new HttpEntity<>(body), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("natres", "demo").postForEntity("/api/cases", TestCases.natresCase(), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theStartFormRefusesBadDataWithTheSameRulesAsTheApi() {
        Map<String, Object> variables = Map.of(
                "caseNumber", Map.of("value", TestCases.newCaseNumber(), "type", "String"),
                "noticeReceivedOn", Map.of("value", "2999-01-01", "type", "String"),
                "reconsideration", Map.of("value", "NONE", "type", "String"));
        ResponseEntity<Map> response = rest.withBasicAuth("office", "demo").postForEntity(
                "/engine-rest/process-definition/key/litigation-case/submit-form",
                Map.of("variables", variables), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("受理法院为必填项").contains("不能晚于今天");
    }

    @Test
    void eachRoleHasTheApplicationsItNeeds() {
        assertThat(identity.createGroupQuery().groupId("natural-resources").singleResult().getName())
                .isEqualTo("区自然资源局");
        assertThat(authorized("natural-resources", Resources.APPLICATION, "tasklist", Permissions.ACCESS)).isTrue();
        assertThat(authorized("natural-resources", Resources.APPLICATION, "cockpit", Permissions.ACCESS)).isFalse();
        assertThat(authorized("justice-bureau", Resources.APPLICATION, "cockpit", Permissions.ACCESS)).isTrue();
        assertThat(authorized("district-leaders", Resources.APPLICATION, "tasklist", Permissions.ACCESS)).isTrue();
        assertThat(authorized("district-office", Resources.PROCESS_DEFINITION, "litigation-case",
                Permissions.CREATE_INSTANCE)).isTrue();
        assertThat(authorized("natural-resources", Resources.PROCESS_DEFINITION, "litigation-case",
                Permissions.CREATE_INSTANCE)).isFalse();
        assertThat(authorized("natural-resources", Resources.APPLICATION, "admin", Permissions.ACCESS)).isFalse();
    }

    @Test
    void theTasklistFiltersAreSeededOnceWithChineseNames() {
        List<String> names = filters.createFilterQuery().list().stream().map(Filter::getName).toList();
        assertThat(names).contains("我的待办", "本单位待办", "即将到期", "已逾期", "督办：全部逾期");
        assertThat(names).doesNotHaveDuplicates();
        Filter supervision = filters.createFilterQuery().filterName("督办：全部逾期").singleResult();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(supervision.getId()).groupIdIn("natural-resources").count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(supervision.getId()).groupIdIn("justice-bureau").count()).isEqualTo(1);
    }

    private boolean authorized(String group, Resources resource, String id, Permissions permission) {
        return authorizations.isUserAuthorized("probe-" + group, List.of(group), permission, resource, id);
    }
}
