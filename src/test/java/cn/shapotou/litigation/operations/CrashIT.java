package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost (README「运行测试」): the application is killed with SIGKILL in the middle of a burst of
 * concurrent case registrations and task completions, restarted on the same database, and every request that got a 2xx
 * is there exactly once, and nothing is half-done (a case number without its process, or a process without its case
 * number).
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String caseJson(String caseNumber) throws Exception {
        return JSON.writeValueAsString(Map.of("caseNumber", caseNumber, "court", "中卫市沙坡头区人民法院",
                "plaintiff", "张某某", "causeOfAction", "土地行政处罚", "noticeReceivedOn", "2026-11-20",
                "actingUnit", "natural-resources", "reconsideration", "NONE", "appearanceCategories", List.of()));
    }

    private static String encode(String caseNumber) {
        return URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void everyAcknowledgedRequestSurvivesAKillExactlyOnce(@TempDir Path dir) throws Exception {
        // The shipped configuration: the H2 file database under ./data/ of the working directory.
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("engine").toAbsolutePath();
        List<String> args = List.of("--litigation.demo.cases=false");
        ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> proposed = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        try (AppProcess app = AppProcess.start(dir, args, Map.of()).awaitUp(Duration.ofSeconds(120))) {
            // Jersey starts the engine REST API on its first call: not part of the burst.
            assertThat(app.get("/engine-rest/task?maxResults=1", "justice:demo").statusCode()).isEqualTo(200);
            ExecutorService burst = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                burst.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            String number = "（2026）宁0502行初" + thread + "-" + i + "号";
                            if (app.post("/api/cases", "office:demo", caseJson(number)).statusCode() == 201) {
                                registered.add(number);
                            }
                            if (i % 2 == 1 && thread % 2 == 0) {
                                proposeFor(app, number, proposed);
                            }
                        } catch (Exception connectionGone) {
                            // the application was killed; what was not acknowledged does not count
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((registered.size() < 60 || proposed.size() < 5) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            app.kill();
            running.set(false);
            burst.shutdown();
            assertThat(burst.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.println("CRASH acknowledged before the kill: " + registered.size() + " cases, " + proposed.size()
                + " proposals");
        assertThat(registered).as("the burst got going before the kill").hasSizeGreaterThan(20);
        assertThat(proposed).isNotEmpty();

        try (AppProcess again = AppProcess.start(dir, args, Map.of()).awaitUp(Duration.ofSeconds(120))) {
            for (String number : registered) {
                HttpResponse<String> view = again.get("/api/cases/" + encode(number), "justice:demo");
                assertThat(view.statusCode()).as(number).isEqualTo(200);
                assertThat(view.body()).contains("\"status\":\"OPEN\"");
            }
            for (String number : proposed) {
                // The open tasks, not the timeline (which keeps the completed 拟定办理建议).
                String openTasks = String.valueOf(JSON.readValue(again.get("/api/cases/" + encode(number),
                        "justice:demo").body(), Map.class).get("openTasks"));
                assertThat(openTasks).as(number).contains("审批办理建议").doesNotContain("拟定办理建议");
            }
            again.stop();
        }

        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            List<String> numbers = column(db, "SELECT case_number FROM lit_case");
            List<String> processes = column(db,
                    "SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'litigation-case'");
            assertThat(new HashSet<>(numbers)).as("no duplicate case numbers").hasSize(numbers.size());
            assertThat(new HashSet<>(processes)).as("one process per case").hasSize(processes.size());
            assertThat(new HashSet<>(numbers)).as("every registered number has its process and vice versa")
                    .isEqualTo(new HashSet<>(processes));
            assertThat(new HashSet<>(numbers)).containsAll(registered);
            assertThat(column(db, "SELECT H.ID_ FROM ACT_HI_PROCINST H WHERE H.END_TIME_ IS NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM ACT_RU_EXECUTION E WHERE E.PROC_INST_ID_ = H.ID_)"))
                    .as("no open process without its runtime state").isEmpty();
            assertThat(column(db, "SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ = 0")).as("no failed job").isEmpty();
        }
    }

    /** The Justice Bureau completes the proposal of a case it can see, as its officer would in Tasklist. */
    private static void proposeFor(AppProcess app, String number, ConcurrentLinkedQueue<String> proposed) throws Exception {
        HttpResponse<String> found = app.get("/engine-rest/task?taskDefinitionKey=DraftHandlingProposalTask"
                + "&processInstanceBusinessKey=" + encode(number), "justice:demo");
        List<?> list = JSON.readValue(found.body(), List.class);
        if (list.isEmpty()) {
            return;
        }
        String id = (String) ((Map<?, ?>) list.get(0)).get("id");
        String body = JSON.writeValueAsString(Map.of("variables", Map.of(
                "complexity", Map.of("value", "NORMAL"), "leadUnit", Map.of("value", "natural-resources"),
                "coUnits", Map.of("value", "[]", "type", "Json"), "proposedAppearance", Map.of("value", "局长出庭"))));
        if (app.post("/engine-rest/task/" + id + "/complete", "justice:demo", body).statusCode() == 204) {
            proposed.add(number);
        }
    }

    private static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
