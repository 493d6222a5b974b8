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

/** {@code GET /api/deadlines} exactly as CONTRACT §5, for any logged-in user. */
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
                .containsEntry("calendarYears", List.of(2026)).containsKey("basis").doesNotContainKey("months");
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
    void aYearWithoutCalendarIsNamed() {
        Map<String, Object> body = (Map<String, Object>) rest.withBasicAuth("natres", "demo")
                .getForObject("/api/deadlines?start=2026-12-27&days=5", Map.class);
        assertThat(body).containsEntry("due", "2027-01-01").containsEntry("calendarMissing", List.of(2027));
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
