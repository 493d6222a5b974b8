package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statutory answer deadline (ALL Art. 67) is watched through the case register: a case registered before the
 * register kept it is copied in once, at start-up, and is then as overdue as any other.
 */
@IntegrationTest
class StatutoryAnswerWatchTest {

    @Autowired
    StatutoryAnswerWatch watch;
    @Autowired
    OverdueItems overdue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    LegalClock clock;
    @Autowired
    RuntimeService runtime;

    private boolean statutoryItemOverdue(String caseNumber) {
        return overdue.now().stream().anyMatch(i -> caseNumber.equals(i.caseNumber()) && i.taskId() == null);
    }

    @Test
    void aCaseRegisteredBeforeTheRegisterKeptTheDeadlineIsWatchedAfterTheUpgrade() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(statutoryItemOverdue(caseNumber)).as("registered now: watched at once").isTrue();

        // As the row of an earlier version looks: the deadline only in the case variable.
        jdbc.update("UPDATE lit_case SET answer_due = NULL WHERE case_number = ?", caseNumber);
        management.deleteProperty(StatutoryAnswerWatch.COPIED);
        assertThat(statutoryItemOverdue(caseNumber)).isFalse();

        watch.copyDeadlinesOfEarlierCases();
        assertThat(statutoryItemOverdue(caseNumber)).as("copied in at start-up").isTrue();
        assertThat(jdbc.queryForObject("SELECT answer_due FROM lit_case WHERE case_number = ?", LocalDate.class,
                caseNumber)).as("the day the case holds").hasToString((String) runtime.getVariable(
                jdbc.queryForObject("SELECT process_instance_id FROM lit_case WHERE case_number = ?", String.class,
                        caseNumber), OverdueItems.STATUTORY_ANSWER_DUE));
        assertThat(management.getProperties()).containsKey(StatutoryAnswerWatch.COPIED);
    }
}
