package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile {@code prod} as README「生产环境」 has it, run from the packaged jar: no first administrator without
 * LITIGATION_ADMIN_PASSWORD (it refuses to start), none of the demo users or cases, health open to monitoring,
 * metrics behind the administrator's login, and the password never in the log. The database here is an H2 file
 * standing in for PostgreSQL (the datasource comes from the environment either way).
 */
class ProdProfileIT {

    private static final String PASSWORD = "Anfang-2026-Sicher!";

    private static List<String> prod(Path dir) {
        return List.of("--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.driver-class-name=org.h2.Driver", "--spring.datasource.username=sa",
                "--spring.datasource.password=");
    }

    @Test
    void withoutTheAdministratorsPasswordItRefusesToStart(@TempDir Path dir) throws Exception {
        try (AppProcess app = AppProcess.start(dir, prod(dir), Map.of())) {
            assertThat(app.waitForExit(Duration.ofSeconds(120))).as("exits by itself").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(app.output()).contains("LITIGATION_ADMIN_PASSWORD");
        }
    }

    @Test
    void withItOnlyTheAdministratorExistsAndNothingElse(@TempDir Path dir) throws Exception {
        try (AppProcess app = AppProcess.start(dir, prod(dir), Map.of("LITIGATION_ADMIN_PASSWORD", PASSWORD))) {
            app.awaitUp(Duration.ofSeconds(120));
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
        assertThat(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("db"))).isTrue();
    }
}
