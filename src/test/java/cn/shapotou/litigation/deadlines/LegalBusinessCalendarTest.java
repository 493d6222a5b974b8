package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Where the engine computes dates itself, an ISO period of days is a legal period too. */
@IntegrationTest
class LegalBusinessCalendarTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    private String deploymentId;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aP7DDueDateAndTimerSkipTheNationalDayHolidays() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("legal-calendar-probe").name("期限探针")
                .camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork")
                .userTask("probeTask").name("探针任务").camundaDueDate("P7D").endEvent()
                .moveToNode("fork").intermediateCatchEvent("probeTimer").timerWithDuration("P7D").endEvent()
                .done();
        deploymentId = repository.createDeployment().addModelInstance("probe.bpmn", model).deploy().getId();
        // 2026-09-28 20:00 in Shanghai is still 2026-09-28 there, whatever the JVM's zone.
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 9, 28, 20, 0, 0, 0, LegalClock.ZONE).toInstant()));

        String instance = runtime.startProcessInstanceByKey("legal-calendar-probe").getId();

        Date expected = LegalClock.endOfDay(LocalDate.of(2026, 10, 8));
        assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getDueDate()).isEqualTo(expected);
        assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
                .isEqualTo(expected);
    }

    @Test
    void otherDurationsKeepTheEnginesMeaning() {
        BusinessCalendarProbe probe = new BusinessCalendarProbe();
        Date start = Date.from(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, LegalClock.ZONE).toInstant());
        assertThat(probe.calendar.resolveDuedate("PT2H", start)).isEqualTo(new Date(start.getTime() + 2 * 3600_000));
        // 2026-09-01 + 1 month = 2026-10-01, National Day: due 2026-10-08.
        Date first = Date.from(ZonedDateTime.of(2026, 9, 1, 10, 0, 0, 0, LegalClock.ZONE).toInstant());
        assertThat(probe.calendar.resolveDuedate("P1M", first))
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 10, 8)));
        assertThat(probe.calendar.resolveDuedate("P1DT2H", start)).as("a mixed period is the engine's")
                .isEqualTo(new Date(start.getTime() + 26 * 3600_000L));
    }

    private static final class BusinessCalendarProbe {
        final LegalBusinessCalendar calendar = new LegalBusinessCalendar(
                new org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar(),
                new Deadlines(new HolidayCalendarRepository("")));
    }
}
