package cn.shapotou.litigation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Case data for tests: valid by default, each test changes what it is about. */
public final class TestCases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestCases() {}

    /** A case number no other test uses, in the court's own format. */
    public static String newCaseNumber() {
        return "（2026）宁0502行初" + (System.nanoTime() % 100000) + "-" + SEQUENCE.incrementAndGet() + "号";
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
