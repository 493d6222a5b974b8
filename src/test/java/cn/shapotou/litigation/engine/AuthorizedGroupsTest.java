package cn.shapotou.litigation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The engine remembers which groups hold authorizations (AuthorizedGroups) instead of reading every group id of the
 * authorization table in every command: a group's first grant, its removal and a new grant count at once, and what a
 * person sees is still decided by the authorization table.
 */
@IntegrationTest
class AuthorizedGroupsTest {

    private static final String GROUP = "probe-unit";
    private static final String USER = "probe-clerk";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @AfterEach
    void removeProbe() {
        identity.clearAuthentication();
        authorizations.createAuthorizationQuery().groupIdIn(GROUP).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        identity.deleteUser(USER);
        identity.deleteGroup(GROUP);
    }

    @Test
    void theEngineAsksThroughIt() {
        assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
                .isInstanceOf(AuthorizationManager.class)
                .isNotExactlyInstanceOf(AuthorizationManager.class);
    }

    @Test
    void aGroupsGrantsCountFromTheFirstAndUntilTheLast() {
        Map<String, Object> data = TestCases.natresCase();
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) data.get("caseNumber");
        Task proposal = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        identity.saveGroup(identity.newGroup(GROUP));
        identity.saveUser(identity.newUser(USER));
        identity.createMembership(USER, GROUP);

        assertThat(visibleToProbe(caseNumber)).as("a group holding no authorization sees nothing").isEmpty();

        String grant = grantRead(proposal.getId());
        assertThat(visibleToProbe(caseNumber)).as("the group's first grant counts at once")
                .extracting(Task::getId).containsExactly(proposal.getId());

        authorizations.deleteAuthorization(grant);
        assertThat(visibleToProbe(caseNumber)).as("its removal too, though the group is remembered").isEmpty();

        grantRead(proposal.getId());
        assertThat(visibleToProbe(caseNumber)).extracting(Task::getId).containsExactly(proposal.getId());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count())
                .as("without a signed-in person nothing is filtered").isEqualTo(1);
    }

    private List<Task> visibleToProbe(String caseNumber) {
        identity.setAuthentication(USER, List.of(GROUP));
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
        } finally {
            identity.clearAuthentication();
        }
    }

    private String grantRead(String taskId) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GROUP);
        grant.setResource(Resources.TASK);
        grant.setResourceId(taskId);
        grant.addPermission(Permissions.READ);
        return authorizations.saveAuthorization(grant).getId();
    }
}
