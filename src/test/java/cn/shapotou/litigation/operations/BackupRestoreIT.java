package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.TestCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore of README「备份与恢复」, done as written, on the packaged application with the shipped H2 configuration: a
 * case and its scanned judgment are registered, an administrator makes a backup while cases keep being registered, the
 * application is stopped, the backup is unzipped into the data/ of a fresh directory, and the application started there
 * has the case and serves the file byte for byte.
 */
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBackupUnzippedIntoAFreshDataDirectoryIsTheDatabaseWithItsFiles(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("original");
        Path fresh = dir.resolve("fresh");
        List<String> args = List.of("--litigation.demo.cases=false");
        String caseNumber = "（2026）宁0502行初7001号";
        String casePath = "/api/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
        // Three and a half chunks of the file store, so that their order matters after the restore too.
        byte[] scan = new byte[3 * 1024 * 1024 + 512 * 1024];
        new Random(11).nextBytes(scan);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        String fileId;
        String backupName;

        try (AppProcess app = AppProcess.start(original, args, Map.of()).awaitUp(Duration.ofSeconds(180))) {
            Map<String, Object> data = TestCases.natresCase();
            data.put("caseNumber", caseNumber);
            HttpResponse<String> created = app.post("/api/cases", "office:demo", JSON.writeValueAsString(data));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> uploaded = app.upload(casePath + "/files", "natres:demo", "判决书.pdf", scan,
                    Map.of("category", "COURT_DECISION"));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            Map<?, ?> file = JSON.readValue(uploaded.body(), Map.class);
            assertThat(file.get("sha256")).isEqualTo(sha256);
            fileId = (String) file.get("id");

            HttpResponse<String> refused = app.post("/api/admin/backup", "natres:demo", "");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("只有系统管理员可以备份数据库");

            // The backup is online: registrations go on while it is written.
            ExecutorService clients = Executors.newSingleThreadExecutor();
            Future<Integer> meanwhile = clients.submit(() -> {
                int registered = 0;
                for (int i = 0; i < 5; i++) {
                    Map<String, Object> other = TestCases.natresCase();
                    other.put("caseNumber", "（2026）宁0502行初71" + i + "号");
                    if (app.post("/api/cases", "office:demo", JSON.writeValueAsString(other)).statusCode() == 201) {
                        registered++;
                    }
                }
                return registered;
            });
            HttpResponse<String> made = app.post("/api/admin/backup", "demo:demo", "");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            Map<?, ?> backup = JSON.readValue(made.body(), Map.class);
            backupName = (String) backup.get("fileName");
            assertThat(backupName).matches("engine-\\d{8}-\\d{6}\\.zip");
            assertThat(((Number) backup.get("size")).longValue()).isGreaterThan(scan.length / 2);
            System.out.println("BACKUP " + backupName + ": " + backup.get("size") + " bytes in "
                    + backup.get("durationMillis") + " ms");
            assertThat(meanwhile.get()).as("cases registered while the backup was written").isEqualTo(5);
            clients.shutdown();

            HttpResponse<String> listed = app.get("/api/admin/backups", "demo:demo");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(backupName).contains("\"scheduled\":true").contains("\"keep\":7");
            app.stop();
            assertThat(app.output()).contains("Database backup " + backupName + " written: ");
        }
        Path zip = original.resolve("data/backups").resolve(backupName);
        assertThat(zip).exists();
        assertThat(zip.resolveSibling(backupName + ".part")).doesNotExist();

        // README「备份与恢复」: unzip the chosen backup into data/ and start.
        Files.createDirectories(fresh.resolve("data"));
        assertThat(unzip(zip, fresh.resolve("data"))).containsExactly("engine.mv.db");
        try (AppProcess restored = AppProcess.start(fresh, args, Map.of()).awaitUp(Duration.ofSeconds(180))) {
            HttpResponse<String> view = restored.get(casePath, "office:demo");
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(view.body()).contains(caseNumber).contains("\"status\":\"OPEN\"");
            HttpResponse<byte[]> downloaded = restored.getBytes(casePath + "/files/" + fileId, "natres:demo");
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded.body())))
                    .isEqualTo(sha256);
            assertThat(downloaded.body()).isEqualTo(scan);
            // The restored engine goes on: a new case can be registered in it.
            Map<String, Object> next = TestCases.natresCase();
            next.put("caseNumber", "（2026）宁0502行初7002号");
            assertThat(restored.post("/api/cases", "office:demo", JSON.writeValueAsString(next)).statusCode())
                    .isEqualTo(201);
            restored.stop();
        }
    }

    private static List<String> unzip(Path zip, Path into) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                Files.copy((InputStream) in, into.resolve(entry.getName()));
            }
        }
        return names;
    }
}
