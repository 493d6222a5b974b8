package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/deadlines} exactly as README「期限与节假日日历」 describes it, for any logged-in user. */
@IntegrationTest
@SuppressWarnings("unchecked")
class DeadlineApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void daysAreCountedByTheLegalPeriodRules() {
        ResponseEntity<Map> response = rest.withBasicAuth("wenchang", "demo")
                .getForEntity("/api/deadlines?start=2026-09-28&days=7", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("start", "2026-09-28").containsEntry("days", 7)
                .containsEntry("rawEnd", "2026-10-05").containsEntry("due", "2026-10-08")
                .containsEntry("movedOver", List.of("2026-10-05", "2026-10-06", "2026-10-07"))
                .containsEntry("calendarYears", List.of(2026)).containsEntry("provisional", false)
                .containsKey("basis").doesNotContainKey("months");
        assertThat((String) response.getBody().get("basis")).contains("第八十五条");
        assertThat((String) response.getBody().get("explanation")).contains("国庆节");
    }

    @Test
    void monthsEndOnTheSameDayOrTheMonthsLastDay() {
        Map<String, Object> body = (Map<String, Object>) rest.withBasicAuth("natres", "demo")
                .getForObject("/api/deadlines?start=2025-08-31&months=6", Map.class);
        assertThat(body).containsEntry("months", 6).containsEntry("rawEnd", "2026-02-28")
                .containsEntry("due", "2026-02-28").containsEntry("movedOver", List.of()).doesNotContainKey("days");
    }

    @Test
    void aYearWithoutCalendarCountsItsStatutoryHolidaysProvisionally() {
        // 2027-01-01 is 元旦 (a Friday) by the 全国年节及纪念日放假办法; the weekend follows.
        Map<String, Object> body = (Map<String, Object>) rest.withBasicAuth("natres", "demo")
                .getForObject("/api/deadlines?start=2026-12-27&days=5", Map.class);
        assertThat(body).containsEntry("rawEnd", "2027-01-01").containsEntry("due", "2027-01-04")
                .containsEntry("movedOver", List.of("2027-01-01", "2027-01-02", "2027-01-03"))
                .containsEntry("calendarMissing", List.of(2027)).containsEntry("provisional", true);
        assertThat((String) body.get("explanation")).contains("2027年放假安排尚未公布，按法定节假日和周末暂计");
    }

    @Test
    void workingDaysSkipRestDaysInsideThePeriod() {
        // Fri 2026-09-18: Sat 09-19 skipped, 调休 Sun 09-20 is day 1, 中秋 09-25..27 and 国庆 10-01..07 skipped.
        Map<String, Object> body = (Map<String, Object>) rest.withBasicAuth("natres", "demo")
                .getForObject("/api/deadlines?start=2026-09-18&workingDays=10", Map.class);
        assertThat(body).containsEntry("start", "2026-09-18").containsEntry("workingDays", 10)
                .containsEntry("rawEnd", "2026-10-09").containsEntry("due", "2026-10-09")
                .containsEntry("movedOver", List.of()).containsEntry("provisional", false)
                .containsEntry("calendarYears", List.of(2026)).doesNotContainKeys("days", "months", "kind");
        assertThat((List<String>) body.get("skipped")).hasSize(11).startsWith("2026-09-19", "2026-09-25")
                .doesNotContain("2026-09-20");
        assertThat((String) body.get("explanation")).contains("2026年9月19日（星期六）", "不计入", "第10个工作日为2026年10月9日");
    }

    /** Every case deadline by name, each row hand-computed; provisional exactly where 2027 (no file yet) was used. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind                 | start      | n  | unit        | due        | provisional | why
            FORWARD_NOTICE         | 2026-10-03 | 0  | days        | 2026-10-08 | false | same day, but Saturday 10-03 is in 国庆 2026 (10-01..07)
            STATUTORY_ANSWER       | 2026-11-20 | 15 | days        | 2026-12-07 | false | raw end Saturday 12-05
            RECONSIDERATION_ANSWER | 2026-09-18 | 10 | workingDays | 2026-10-09 | false | 调休 Sun 09-20 counts, 中秋 and 国庆 do not
            RECONSIDERATION_ANSWER | 2027-02-01 | 10 | workingDays | 2027-02-17 | true  | 02-02..04 days 1-3, 春节 02-05..08 skipped, 02-09..12 days 4-7, weekend, 02-15..17 days 8-10
            ANSWER_MATERIALS       | 2026-09-28 | 7  | days        | 2026-10-08 | false | raw end 10-05 inside 国庆 2026
            SECOND_INSTANCE_ANSWER | 2026-02-01 | 15 | days        | 2026-02-24 | false | raw end 02-16 inside 春节 2026 (02-15..23)
            SECOND_INSTANCE_ANSWER | 2027-01-21 | 15 | days        | 2027-02-09 | true  | raw end 除夕 2027-02-05, 春节 to 初三 Mon 02-08
            APPEAL_OPINION         | 2026-12-27 | 5  | days        | 2027-01-04 | true  | raw end 元旦 2027 (Friday), then the weekend
            APPEAL_JUDGMENT        | 2027-09-16 | 15 | days        | 2027-10-04 | true  | raw end 国庆 2027 (Fri 10-01..Sun 10-03)
            APPEAL_RULING          | 2025-09-26 | 10 | days        | 2025-10-09 | false | raw end 10-06 inside 国庆 2025 (10-01..08)
            LOSS_ANALYSIS          | 2026-03-02 | 15 | days        | 2026-03-17 | false | ordinary Tuesday
            FOLLOW_UP              | 2026-09-20 | 15 | days        | 2026-10-08 | false | raw end 10-05 inside 国庆 2026
            RETRIAL                | 2025-04-01 | 6  | months      | 2025-10-09 | false | raw end 国庆 2025
            ENFORCEMENT            | 2025-10-01 | 2  | years       | 2027-10-04 | true  | raw end 2027-10-01, 国庆 2027
            """, ignoreLeadingAndTrailingWhitespace = true)
    void everyCaseDeadlineByName(DeadlineKind kind, String start, int n, String unitField, String due,
                                 boolean provisional, String why) {
        ResponseEntity<Map> response = rest.withBasicAuth("wenchang", "demo")
                .getForEntity("/api/deadlines?kind=" + kind.name() + "&start=" + start, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("kind", kind.name()).containsEntry("key", kind.key())
                .containsEntry("name", kind.label()).containsEntry("start", start).containsEntry(unitField, n)
                .containsEntry("due", due).containsEntry("provisional", provisional)
                .containsEntry("basis", kind.basis());
        assertThat(((List<?>) response.getBody().get("calendarMissing")).isEmpty()).isNotEqualTo(provisional);
    }

    @Test
    void theTableAboveCoversEveryKind() throws Exception {
        String table = DeadlineApiTest.class.getDeclaredMethod("everyCaseDeadlineByName", DeadlineKind.class,
                String.class, int.class, String.class, String.class, boolean.class, String.class)
                .getAnnotation(CsvSource.class).textBlock();
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertThat(table).as(kind.name()).contains(kind.name() + " ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            days=7                        | start
            start=2026-13-01&days=7       | start
            start=2026-09-28              | days
            start=2026-09-28&days=7&months=1 | days
            start=2026-09-28&days=-1      | days
            start=2026-09-28&days=seven   | days
            start=2026-09-28&months=x     | months
            start=2026-09-28&workingDays=x | workingDays
            start=2026-09-28&workingDays=9999 | workingDays
            start=2026-09-28&workingDays=5&kind=STATUTORY_ANSWER | workingDays
            start=2026-09-28&kind=NO_SUCH_DEADLINE | kind
            start=2026-09-28&kind=    | kind
            kind=STATUTORY_ANSWER     | start
            """)
    void badQueriesAreRefusedNamingTheField(String query, String field) {
        ResponseEntity<Map> response = rest.withBasicAuth("natres", "demo")
                .getForEntity("/api/deadlines?" + query, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
                .anySatisfy(e -> assertThat(e).containsEntry("field", field));
    }

    @Test
    void aLoginIsNeeded() {
        assertThat(rest.getForEntity("/api/deadlines?start=2026-09-28&days=7", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
