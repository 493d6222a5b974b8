package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile {@code prod} as README「生产环境」 has it, run from the packaged jar: no first administrator without
 * LITIGATION_ADMIN_PASSWORD (it refuses to start), none of the demo users or cases, health open to monitoring,
 * metrics behind the administrator's login, and the password never in the log. The database is PostgreSQL, as
 * production's (the test's own server, {@link TestPostgres}), given through the environment as operators give it.
 */
class ProdProfileIT {

    private static final String PASSWORD = "Anfang-2026-Sicher!";
    private static final List<String> PROD = List.of("--spring.profiles.active=prod");

    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start("prod-profile");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The datasource of README「生产环境」, on a new database of its own. */
    private static Map<String, String> database(String name) throws Exception {
        return Map.of("SPRING_DATASOURCE_URL", postgres.server() + postgres.createDatabase(name),
                "SPRING_DATASOURCE_USERNAME", TestPostgres.USER, "SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
    }

    @Test
    void withoutTheAdministratorsPasswordItRefusesToStart(@TempDir Path dir) throws Exception {
        try (AppProcess app = AppProcess.start(dir, PROD, database("refused"))) {
            assertThat(app.waitForExit(Duration.ofSeconds(120))).as("exits by itself").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(app.output()).contains("LITIGATION_ADMIN_PASSWORD");
        }
    }

    @Test
    void withItOnlyTheAdministratorExistsAndNothingElse(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(database("administrator_only"));
        env.put("LITIGATION_ADMIN_PASSWORD", PASSWORD);
        try (AppProcess app = AppProcess.start(dir, PROD, env)) {
            app.awaitUp(Duration.ofSeconds(180));
            assertThat(app.get("/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(app.get("/actuator/metrics", null).statusCode()).isEqualTo(401);
            assertThat(app.get("/actuator/metrics", "admin:" + PASSWORD).statusCode()).isEqualTo(200);
            assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", "admin:" + PASSWORD).statusCode())
                    .isEqualTo(200);
            for (String demo : List.of("demo", "office", "justice", "natres")) {
                assertThat(app.get("/api/deadlines?start=2026-01-05&days=15", demo + ":demo").statusCode())
                        .as("no demo identity " + demo).isEqualTo(401);
            }
            assertThat(app.get("/engine-rest/process-instance/count?processDefinitionKey=litigation-case",
                    "admin:" + PASSWORD).body()).as("no demo cases").contains("\"count\":0");
            assertThat(app.get("/api/deadlines", null).statusCode()).isEqualTo(401);
            app.stop();
            assertThat(app.output()).as("the log never shows the password").doesNotContain(PASSWORD);
        }
        assertThat(dir.resolve("data")).as("no H2 database of the default profile").doesNotExist();
        try (Connection connection = DriverManager.getConnection(postgres.server() + "administrator_only",
                TestPostgres.USER, TestPostgres.PASSWORD);
             ResultSet users = connection.createStatement().executeQuery("SELECT ID_ FROM ACT_ID_USER")) {
            assertThat(users.next()).as("the engine's tables are in PostgreSQL").isTrue();
            assertThat(users.getString(1)).isEqualTo("admin");
            assertThat(users.next()).as("no other user").isFalse();
        }
        try (Connection connection = DriverManager.getConnection(postgres.server() + "administrator_only",
                TestPostgres.USER, TestPostgres.PASSWORD);
             ResultSet statistics = connection.createStatement().executeQuery(
                     "SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext WHERE stxname = 'lit_stat_auth_perms'")) {
            assertThat(statistics.next()).as("the authorization statistics Tasklist's filters are planned with")
                    .isTrue();
            assertThat(statistics.getString(1)).contains("perms_ & 2", "perms_ & 64", "act_ru_authorization");
        }
    }
}
