package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shapotou.litigation.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A failing job is tried again after 1 min, 5 min, 30 min and 2 h, then becomes an incident (README「事务边界与重试」):
 * a passing fault heals by itself, a lasting one reaches the administrator in Cockpit.
 */
@IntegrationTest
class JobRetryBackOffTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingJobBacksOffThenBecomesAnIncident() {
        String key = "retry-back-off-" + System.nanoTime();
        repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).camundaVersionTag("1.0.0").startEvent().serviceTask("FailingTask").camundaAsyncBefore()
                .camundaExpression("${noSuchBeanAnywhere.call()}").endEvent().done()).deploy();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
        String instance = runtime.startProcessInstanceByKey(key).getId();
        try {
            backsOff(instance);
        } finally {
            runtime.deleteProcessInstance(instance, "test");
        }
    }

    private void backsOff(String instance) {

        List<Long> pauses = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = management.createJobQuery().processInstanceId(instance).singleResult();
            assertThat(catchThrowable(() -> management.executeJob(job.getId()))).as("attempt %d", attempt).isNotNull();
            Job failed = management.createJobQuery().processInstanceId(instance).singleResult();
            if (failed.getRetries() == 0) {
                break;
            }
            pauses.add(Duration.between(ClockUtil.getCurrentTime().toInstant(), failed.getDuedate().toInstant())
                    .toMinutes());
            ClockUtil.setCurrentTime(failed.getDuedate());
        }
        assertThat(pauses).containsExactly(1L, 5L, 30L, 120L);
        assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    }
}
