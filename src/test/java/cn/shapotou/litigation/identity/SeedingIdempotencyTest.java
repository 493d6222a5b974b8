package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.StartupSeeding;
import cn.shapotou.litigation.units.UnitOptionForms;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every start-up seeds again; a second run must add nothing (as after a restart). */
@IntegrationTest
class SeedingIdempotencyTest {

    @Autowired
    StartupSeeding seeding;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;

    @Test
    void seedingTwiceChangesNothing() {
        long groups = identity.createGroupQuery().count();
        long users = identity.createUserQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        long deployments = repository.createDeploymentQuery().count();

        seeding.afterSingletonsInstantiated();

        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(identity.checkPassword("office", "demo")).isTrue();
        assertThat(identity.createUserQuery().userId("justice").singleResult().getFirstName()).isEqualTo("李强");
    }

    @Test
    void formsOfferTheDirectorysUnitsByName() {
        String json = latestFilledForm("draft-handling-proposal.form");
        assertThat(json).contains("\"label\" : \"区自然资源局\"", "\"value\" : \"natural-resources\"")
                .doesNotContain("\"value\" : \"district-government\"", "区国土资源局（已撤销）");
        String startJson = latestFilledForm("register-notice.form");
        assertThat(startJson).as("an act of an abolished unit can be registered").contains("区国土资源局（已撤销）");
    }

    private String latestFilledForm(String resource) {
        var deployment = repository.createDeploymentQuery().deploymentName(UnitOptionForms.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);
        return new String(readAll(repository.getResourceAsStream(deployment.getId(), resource)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
