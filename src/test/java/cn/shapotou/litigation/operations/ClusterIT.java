package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application on one PostgreSQL database form one cluster (README「生产环境」):
 * 500 cases are registered through both, one instance is stopped half way, and every overdue escalation and every
 * reminder happens exactly once, with no failed job. The PostgreSQL server is the test's own ({@link TestPostgres}).
 */
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin:Cluster-Test-2026";
    private static final int CASES = 500;
    private static final int REMINDED = 100;

    @Test
    void twoInstancesEscalateEveryOverdueItemAndSendEveryReminderExactlyOnce(@TempDir Path dir) throws Exception {
        try (TestPostgres postgres = TestPostgres.start("cluster")) {
            twoInstancesOn(postgres.server() + postgres.createDatabase("litigation"), dir);
        }
    }

    private static void twoInstancesOn(String database, Path dir) throws Exception {
        Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", database, "SPRING_DATASOURCE_USERNAME",
                TestPostgres.USER, "SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD,
                "LITIGATION_ADMIN_PASSWORD", ADMIN.substring(6));
        // A lock a stopped node held must not keep the sweep from the other node for the default 5 minutes.
        List<String> args = List.of("--spring.profiles.active=prod",
                "--camunda.bpm.job-execution.lock-time-in-millis=60000");

        try (AppProcess a = AppProcess.start(dir.resolve("a"), args, env).awaitUp(Duration.ofSeconds(180));
             AppProcess b = AppProcess.start(dir.resolve("b"), args, env).awaitUp(Duration.ofSeconds(180))) {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            aFileUploadedOnOneNodeIsServedByTheOther(a, b, today);
            String remindedStart = startDueWithinTwoDays(a, today);
            AtomicInteger registered = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                int n = i;
                work.add(clients.submit(() -> {
                    // The first half through both instances, the rest through A once B is stopped.
                    AppProcess node = n < CASES / 2 && n % 2 == 1 ? b : a;
                    String received = n < REMINDED ? remindedStart : today.minusDays(30).toString();
                    HttpResponse<String> created = node.post("/api/cases", ADMIN, JSON.writeValueAsString(Map.of(
                            "caseNumber", "（" + today.getYear() + "）宁0502行初C" + n + "号", "court", "中卫市沙坡头区人民法院",
                            "plaintiff", "张某某", "causeOfAction", "土地行政处罚", "noticeReceivedOn", received,
                            "actingUnit", "natural-resources", "reconsideration", "NONE",
                            "appearanceCategories", List.of())));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    registered.incrementAndGet();
                    return null;
                }));
                if (i == CASES / 2) {
                    for (Future<?> done : work) {
                        done.get();
                    }
                    b.stop();
                }
            }
            for (Future<?> done : work) {
                done.get();
            }
            clients.shutdown();
            assertThat(registered.get()).isEqualTo(CASES);

            int overdue = (CASES - REMINDED) * 2; // the statutory answer and the proposal task of each overdue case
            long end = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            while (configuredIncidents(a).size() < overdue || reminded(a) < REMINDED) {
                assertThat(System.nanoTime()).as("escalations and reminders within 6 minutes").isLessThan(end);
                Thread.sleep(5000);
            }
            // One more sweep must change nothing.
            Thread.sleep(Duration.ofSeconds(70).toMillis());
            List<String> incidents = configuredIncidents(a);
            assertThat(incidents).hasSize(overdue);
            assertThat(new HashSet<>(incidents)).as("one incident per overdue item").hasSize(overdue);
            List<String> supervised = values(a, "/engine-rest/variable-instance?variableName=supervisedItem");
            assertThat(supervised).hasSize(overdue);
            assertThat(new HashSet<>(supervised)).as("one 督办 (process supervision) per overdue item").hasSize(overdue);
            assertThat(reminded(a)).as("one reminder per task due within two days").isEqualTo(REMINDED);
            assertThat(a.get("/engine-rest/job?withException=true", ADMIN).body()).isEqualTo("[]");
            assertThat(a.get("/engine-rest/incident?incidentType=failedJob", ADMIN).body()).isEqualTo("[]");
            a.stop();
        }
    }

    /** The case file lives in the shared database: what one node acknowledged, the other serves byte for byte. */
    private static void aFileUploadedOnOneNodeIsServedByTheOther(AppProcess a, AppProcess b, LocalDate today)
            throws Exception {
        String caseNumber = "（" + today.getYear() + "）宁0502行初F1号";
        assertThat(a.post("/api/cases", ADMIN, JSON.writeValueAsString(Map.of("caseNumber", caseNumber,
                "court", "中卫市沙坡头区人民法院", "plaintiff", "张某某", "causeOfAction", "土地行政处罚",
                "noticeReceivedOn", today.toString(), "actingUnit", "natural-resources", "reconsideration", "NONE",
                "appearanceCategories", List.of()))).statusCode()).isEqualTo(201);
        // Three and a half chunks of the store, so that their order matters.
        byte[] scan = new byte[3 * 1024 * 1024 + 512 * 1024];
        new java.util.Random(7).nextBytes(scan);
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, scan, 0, 9);
        String path = "/api/cases/" + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/files";
        HttpResponse<String> uploaded = b.upload(path, ADMIN, "judgment.pdf", scan, Map.of("category", "COURT_DECISION"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        Map<?, ?> file = JSON.readValue(uploaded.body(), Map.class);
        HttpResponse<byte[]> downloaded = a.getBytes(path + "/" + file.get("id"), ADMIN);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(scan);
        assertThat(downloaded.headers().firstValue("ETag")).hasValue("\"" + file.get("sha256") + "\"");
    }

    /** A complaint date whose 15-day statutory answer falls today or in two days: its proposal task gets a reminder. */
    private static String startDueWithinTwoDays(AppProcess app, LocalDate today) throws Exception {
        for (int back = 15; back < 30; back++) {
            String start = today.minusDays(back).toString();
            Map<?, ?> deadline = JSON.readValue(app.get("/api/deadlines?start=" + start + "&days=15", ADMIN).body(),
                    Map.class);
            LocalDate due = LocalDate.parse((String) deadline.get("due"));
            if (!due.isBefore(today) && !due.isAfter(today.plusDays(2))) {
                return start;
            }
        }
        throw new IllegalStateException("no complaint date with its answer due within two days");
    }

    private static List<String> configuredIncidents(AppProcess app) throws Exception {
        List<?> all = JSON.readValue(app.get("/engine-rest/incident?incidentType=deadline-overdue", ADMIN).body(),
                List.class);
        List<String> keys = new ArrayList<>();
        for (Object incident : all) {
            Object configuration = ((Map<?, ?>) incident).get("configuration");
            if (configuration != null) {
                keys.add((String) configuration);
            }
        }
        return keys;
    }

    private static List<String> values(AppProcess app, String path) throws Exception {
        List<String> values = new ArrayList<>();
        for (Object variable : JSON.readValue(app.get(path, ADMIN).body(), List.class)) {
            values.add(String.valueOf(((Map<?, ?>) variable).get("value")));
        }
        return values;
    }

    /** Reminder comments on the proposal tasks of the cases registered to be reminded (numbers 行初C…号). */
    private static int reminded(AppProcess app) throws Exception {
        int reminders = 0;
        for (Object task : JSON.readValue(app.get("/engine-rest/task?taskDefinitionKey=DraftHandlingProposalTask"
                + "&processInstanceBusinessKeyLike=%25C%25&maxResults=1000", ADMIN).body(), List.class)) {
            String id = (String) ((Map<?, ?>) task).get("id");
            for (Object comment : JSON.readValue(app.get("/engine-rest/task/" + id + "/comment", ADMIN).body(),
                    List.class)) {
                if (String.valueOf(((Map<?, ?>) comment).get("message")).startsWith("提醒：")) {
                    reminders++;
                }
            }
        }
        return reminders;
    }
}
