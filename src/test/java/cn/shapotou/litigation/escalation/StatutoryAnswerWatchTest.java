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

    /** A case whose statutory answer day has passed: its item is overdue from registration. */
    private String registerReceived40DaysAgo() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class)
                .getStatusCode().value()).isEqualTo(201);
        return (String) data.get("caseNumber");
    }

    @Test
    void aCaseRegisteredBeforeTheRegisterKeptTheDeadlineIsWatchedAfterTheUpgrade() {
        String caseNumber = registerReceived40DaysAgo();
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

    /**
     * The overdue list reads the watched deadline and the lead unit from the case's row; a row written before it kept
     * them (both null) gives the same item from the case's variables.
     */
    @Test
    void theOverdueItemReadsTheCasesRowAndRowsWithoutItsColumnsReadTheVariables() {
        String caseNumber = registerReceived40DaysAgo();
        assertThat(jdbc.queryForMap("SELECT answer_key, lead_unit FROM lit_case WHERE case_number = ?", caseNumber))
                .containsEntry("ANSWER_KEY", "statutoryAnswer").containsEntry("LEAD_UNIT", "natural-resources");
        OverdueItem item = statutoryItem(caseNumber);

        jdbc.update("UPDATE lit_case SET answer_key = NULL, lead_unit = NULL WHERE case_number = ?", caseNumber);
        OverdueItem fromVariables = statutoryItem(caseNumber);
        assertThat(fromVariables.deadline()).isEqualTo(item.deadline()).isEqualTo("statutoryAnswer");
        assertThat(fromVariables.unit()).isEqualTo(item.unit());
        assertThat(fromVariables.holders()).isEqualTo(item.holders());
        assertThat(fromVariables.item()).isEqualTo(item.item());
    }

    private OverdueItem statutoryItem(String caseNumber) {
        return overdue.now().stream().filter(i -> caseNumber.equals(i.caseNumber()) && i.taskId() == null)
                .findFirst().orElseThrow();
    }

    private String factsOf(String caseNumber) {
        return String.valueOf(rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber)
                .get("accountabilityFacts"));
    }

    /**
     * A decision before the answer was delivered ends the item. Within the answer period (withdrawn on day 10) it is
     * nobody's fault; after it (day 16) no answer and no evidence reached the court in time (ALL Art. 67, 34 ¶2): an
     * accountability fact of the case (Art. 22 (6)), once.
     */
    @Test
    @SuppressWarnings("rawtypes")
    void aDecisionAfterTheAnswerDayWithNoAnswerFiledIsAFactOneWithinItIsNot() {
        try {
            Map<String, Object> early = TestCases.natresCase();
            Map<String, Object> late = TestCases.natresCase();
            TestCases.today("2026-11-20");
            runtime.startProcessInstanceByKey("litigation-case", early);
            runtime.startProcessInstanceByKey("litigation-case", late);
            String earlyNumber = (String) early.get("caseNumber");
            String lateNumber = (String) late.get("caseNumber");
            // Received 2026-11-20: the answer is due 2026-12-05, a Saturday, so Monday 2026-12-07.
            TestCases.today("2026-11-30");
            TestCases.courtDocument(rest, earlyNumber, Map.of("kind", "RULING", "instance", "FIRST",
                    "outcome", "WITHDRAWN", "receivedOn", "2026-11-30"));
            TestCases.today("2026-12-08");
            TestCases.courtDocument(rest, lateNumber, Map.of("kind", "RULING", "instance", "FIRST",
                    "outcome", "WITHDRAWN", "receivedOn", "2026-12-08"));
            assertThat(factsOf(earlyNumber)).doesNotContain("NO_ANSWER_FILED");
            assertThat(factsOf(lateNumber)).contains("NO_ANSWER_FILED", "法定答辩期限 2026-12-07 届满")
                    .containsOnlyOnce("NO_ANSWER_FILED");
            assertThat(statutoryItemOverdue(lateNumber)).as("the item is done").isFalse();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }
}
