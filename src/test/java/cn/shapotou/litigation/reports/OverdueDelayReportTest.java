package cn.shapotou.litigation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The annual report counts one delay once however many 督办 it raised (2023, a year no other test uses): a case
 * whose handling proposal and statutory answer passed the same day, and a case whose 7-day answer materials (with
 * the counsel's assignment due the same day) and then its statutory answer passed.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class OverdueDelayReportTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String register(CaseWalk walk, String received) {
        TestCases.today(received);
        Map<String, Object> data = TestCases.natresCase();
        data.put("caseNumber", ((String) data.get("caseNumber")).replace("（2026）", "（2023）"));
        data.put("noticeReceivedOn", received);
        walk.register(data);
        return (String) data.get("caseNumber");
    }

    /** The 督办 the case raised: instances of process supervision, open or ended. */
    private long notices(String caseNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("supervision")
                .processInstanceBusinessKey(caseNumber).count();
    }

    @Test
    void oneDelayIsOneOverdueItemHoweverManySupervisionNoticesItRaised() {
        CaseWalk walk = new CaseWalk(runtime, tasks);

        // Due 2023-03-16; on the 17th both the proposal (due that day) and the case's answer are late: one delay.
        String first = register(walk, "2023-03-01");
        TestCases.today("2023-03-17");
        watch.sweep();
        assertThat(notices(first)).isEqualTo(2);

        // Approved 2023-05-05: materials and counsel due 2023-05-12 (one delay, the handling unit's: the counsel
        // assists it), then the answer due 2023-05-19 passes with the materials still at the unit: a second delay.
        String second = register(walk, "2023-05-04");
        TestCases.today("2023-05-05");
        walk.approveProposal(second);
        TestCases.today("2023-05-13");
        watch.sweep();
        TestCases.today("2023-05-20");
        watch.sweep();
        assertThat(notices(second)).isEqualTo(3);

        Map<String, Object> report = rest.withBasicAuth("justice", "demo").getForObject("/api/reports/annual?year=2023",
                Map.class);
        assertThat(report).containsEntry("overdueItems", 3);
        assertThat((List<Map<String, Object>>) report.get("overdueByUnit"))
                .extracting(r -> r.get("unitName") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("区司法局=1", "区自然资源局=2");
    }
}
