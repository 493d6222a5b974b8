package cn.shapotou.litigation;

import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Case data for tests: valid by default, each test changes what it is about. */
public final class TestCases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestCases() {}

    /** A case number no other test uses, in the court's own format. */
    public static String newCaseNumber() {
        return "（2026）宁0502行初" + (System.nanoTime() % 100000) + "-" + SEQUENCE.incrementAndGet() + "号";
    }

    /** Moves the engine's clock (and so every legal date) to 10:00 Asia/Shanghai on that day; reset with ClockUtil.reset(). */
    public static void today(String day) {
        LocalDate d = LocalDate.parse(day);
        ClockUtil.setCurrentTime(Date.from(d.atTime(10, 0).atZone(LegalClock.ZONE).toInstant()));
    }

    /** The district office's clerk registers a court document of the case (POST /api/cases/{n}/documents). */
    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> courtDocument(TestRestTemplate rest, String caseNumber,
                                                    Map<String, Object> document) {
        return rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents", document, Map.class,
                caseNumber);
    }

    /** Tasklist's start form of a process, submitted over the engine's REST API as Tasklist does (text values). */
    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> submitStartForm(TestRestTemplate rest, String user, String process,
                                                      Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
        return rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/process-definition/key/{key}/submit-form", Map.of("variables", variables), Map.class,
                process);
    }

    public static Map<String, Object> natresCase() {
        Map<String, Object> data = new HashMap<>();
        data.put("caseNumber", newCaseNumber());
        data.put("court", "中卫市沙坡头区人民法院");
        data.put("plaintiff", "张某某");
        data.put("causeOfAction", "土地行政处罚");
        data.put("noticeReceivedOn", LocalDate.of(2026, 11, 20).toString());
        data.put("actingUnit", "natural-resources");
        data.put("reconsideration", "NONE");
        data.put("appearanceCategories", List.of());
        return data;
    }
}
