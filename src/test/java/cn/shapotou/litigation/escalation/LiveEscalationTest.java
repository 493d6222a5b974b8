package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * With the job executor running, as in production: a case whose complaint copy arrived 40 days ago has its
 * {@code deadline-overdue} incident within 2 minutes, in the engine REST API and the supervision API
 * (README「督办（区司法局）」).
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class LiveEscalationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    LegalClock clock;

    @Test
    void aCaseFortyDaysOldIsEscalatedWithinTwoMinutes() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        data.put("noticeReceivedOn", clock.today().minusDays(40).toString());
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        executor.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            List<Map<String, Object>> incidents = List.of();
            while (Instant.now().isBefore(deadline)) {
                var response = rest.withBasicAuth("justice", "demo").getForEntity(
                        "/engine-rest/incident?incidentType=deadline-overdue", String.class);
                assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
                incidents = new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.getBody(), List.class);
                if (incidents.stream().anyMatch(i -> String.valueOf(i.get("incidentMessage")).contains(caseNumber))) {
                    break;
                }
                Thread.sleep(2000);
            }
            assertThat(incidents).as("within two minutes").anySatisfy(i -> assertThat((String) i.get("incidentMessage"))
                    .contains(caseNumber, "法定答辩期限"));
            List<Map<String, Object>> overdue = rest.withBasicAuth("justice", "demo")
                    .getForObject("/api/supervision/overdue", List.class);
            assertThat(overdue).anySatisfy(i -> assertThat(i).containsEntry("caseNumber", caseNumber)
                    .containsEntry("unit", "justice-bureau"));
            assertThat(overdue).filteredOn(i -> caseNumber.equals(i.get("caseNumber")))
                    .allSatisfy(i -> assertThat(((Number) i.get("daysOverdue")).intValue()).isGreaterThanOrEqualTo(20));
        } finally {
            executor.shutdown();
        }
    }
}
