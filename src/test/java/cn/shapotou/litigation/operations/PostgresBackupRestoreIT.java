package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL backup and restore of README「备份与恢复」 with the commands written there: the application (profile
 * prod) registers a case and its scanned judgment, the one database is dumped with {@code pg_dump -Fc} while the
 * application runs, restored with {@code createdb} and {@code pg_restore} into a new database, and the application
 * started on that one has the case and serves the file byte for byte. The server is the test's own
 * ({@link TestPostgres}); its binaries have no client tools, so the test takes pg_dump, createdb and pg_restore from the
 * machine and runs only in Maven profile {@code postgresql-client}, which {@code .ci/run} enables after installing
 * Debian's package of that name (README「运行测试」).
 */
class PostgresBackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin:Backup-Test-2026";

    @Test
    void aDumpRestoredIntoANewDatabaseHasTheCaseAndItsFile(@TempDir Path dir) throws Exception {
        for (String tool : List.of("pg_dump", "createdb", "pg_restore")) {
            assertThat(onPath(tool)).as(tool + " not found on PATH: install PostgreSQL's client tools (Debian: apt-get "
                    + "install postgresql-client), or run without -Ppostgresql-client").isTrue();
        }
        try (TestPostgres postgres = TestPostgres.start("backup")) {
            dumpAndRestore(postgres, dir);
        }
    }

    private static void dumpAndRestore(TestPostgres postgres, Path dir) throws Exception {
        String server = postgres.server();
        String user = TestPostgres.USER;
        String password = TestPostgres.PASSWORD;
        String host = "localhost";
        String port = String.valueOf(postgres.port());
        String database = postgres.createDatabase("litigation");
        String restoredDatabase = "litigation_restored";
        List<String> args = List.of("--spring.profiles.active=prod");
        String caseNumber = "（" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "）宁0502行初B1号";
        String casePath = "/api/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
        byte[] scan = new byte[3 * 1024 * 1024 + 512 * 1024];
        new Random(13).nextBytes(scan);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        Path dump = dir.resolve("litigation.dump");
        String fileId;

        try (AppProcess app = AppProcess.start(dir.resolve("original"), args, appEnv(server + database, user,
                password)).awaitUp(Duration.ofSeconds(180))) {
            HttpResponse<String> created = app.post("/api/cases", ADMIN, JSON.writeValueAsString(Map.of(
                    "caseNumber", caseNumber, "court", "中卫市沙坡头区人民法院", "plaintiff", "张某某",
                    "causeOfAction", "土地行政处罚", "noticeReceivedOn", "2026-11-20",
                    "actingUnit", "natural-resources", "reconsideration", "NONE", "appearanceCategories",
                    List.of())));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> uploaded = app.upload(casePath + "/files", ADMIN, "judgment.pdf", scan,
                    Map.of("category", "COURT_DECISION"));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            fileId = (String) JSON.readValue(uploaded.body(), Map.class).get("id");

            // H2's backup does not apply: the administrator is pointed to pg_dump.
            HttpResponse<String> notHere = app.post("/api/admin/backup", ADMIN, "");
            assertThat(notHere.statusCode()).isEqualTo(409);
            assertThat(notHere.body()).contains("pg_dump");

            // README「备份与恢复」: pg_dump is consistent while the application works.
            long started = System.nanoTime();
            run(password, "pg_dump", "-Fc", "-w", "-h", host, "-p", port, "-U", user, "-d", database,
                    "-f", dump.toString());
            System.out.println("PG_DUMP " + Files.size(dump) + " bytes in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            app.stop();
        }

        long started = System.nanoTime();
        run(password, "createdb", "-w", "-h", host, "-p", port, "-U", user, "-T", "template0", restoredDatabase);
        run(password, "pg_restore", "-w", "-h", host, "-p", port, "-U", user, "--exit-on-error",
                "-d", restoredDatabase, dump.toString());
        System.out.println("PG_RESTORE in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

        try (AppProcess restored = AppProcess.start(dir.resolve("restored"), args, appEnv(server + restoredDatabase,
                user, password)).awaitUp(Duration.ofSeconds(180))) {
            HttpResponse<String> view = restored.get(casePath, ADMIN);
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(view.body()).contains(caseNumber).contains("\"status\":\"OPEN\"");
            HttpResponse<byte[]> downloaded = restored.getBytes(casePath + "/files/" + fileId, ADMIN);
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded.body())))
                    .isEqualTo(sha256);
            assertThat(downloaded.body()).isEqualTo(scan);
            restored.stop();
        }
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }

    private static Map<String, String> appEnv(String url, String user, String password) {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password, "LITIGATION_ADMIN_PASSWORD", ADMIN.substring(6));
    }

    /** A PostgreSQL client tool; its password from PGPASSWORD, as README's commands take it from ~/.pgpass. */
    private static void run(String password, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }
}
