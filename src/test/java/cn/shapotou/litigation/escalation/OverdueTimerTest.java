package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overdue timer 「期限届满」 on a deadline-bound task: it waits for 24:00 of the deadline day, raises the
 * escalation when it fires while the task stays open, and shares each item with the supervision sweep so that
 * either raises it, once.
 */
@IntegrationTest
class OverdueTimerTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    DeadlineWatch watch;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(hour, minute), LegalClock.ZONE).toInstant()));
    }

    private List<Incident> incidentsOf(Task task) {
        return runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).configuration("task:" + task.getId())
                .list();
    }

    /** Registered on 2026-12-01: the statutory answer (and so the proposal) is due on 2026-12-16. */
    private Task proposalRegisteredOn(LocalDate received) {
        at(received, 10, 0);
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", received.toString());
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.register(data);
        return walk.task((String) data.get("caseNumber"), "DraftHandlingProposalTask");
    }

    @Test
    void theTimerWaitsForTheEndOfTheDeadlineDayAndRaisesTheItemOnceWhileTheTaskStaysOpen() {
        LocalDate received = LocalDate.of(2026, 12, 1);
        Task draft = proposalRegisteredOn(received);
        LocalDate due = LegalClock.dateOf(draft.getDueDate());
        Job timer = OverdueTimers.of(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        assertThat(timer.getDuedate()).as("24:00 of the deadline day, the task's due moment plus one second")
                .isEqualTo(DeadlineTimers.overdueAt(draft.getDueDate()))
                .isEqualTo(Date.from(due.plusDays(1).atStartOfDay(LegalClock.ZONE).toInstant()));

        // Half a minute after the deadline passed the timer is due and the job executor's: the sweep leaves it.
        at(due.plusDays(1), 0, 0);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 30_000));
        watch.sweep();
        assertThat(incidentsOf(draft)).as("left to the timer").isEmpty();

        management.executeJob(timer.getId());
        assertThat(incidentsOf(draft)).hasSize(1).first().satisfies(incident -> assertThat(
                incident.getIncidentMessage()).contains("拟定办理建议", "逾期1日"));
        assertThat(tasks.createTaskQuery().taskId(draft.getId()).count()).as("the timer does not interrupt").isOne();
        assertThat(OverdueTimers.all(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask")).isEmpty();

        at(due.plusDays(2), 9, 0);
        watch.sweep();
        assertThat(incidentsOf(draft)).as("the sweep does not raise it again").hasSize(1);
    }

    @Test
    void aTimerTheJobExecutorDidNotFireInTimeIsOvertakenByTheSweepAndThenChangesNothing() {
        Task draft = proposalRegisteredOn(LocalDate.of(2026, 12, 2));
        LocalDate due = LegalClock.dateOf(draft.getDueDate());
        Job timer = OverdueTimers.of(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");

        at(due.plusDays(1), 0, 2);
        watch.sweep();
        assertThat(incidentsOf(draft)).as("two minutes after the deadline the sweep raises it").hasSize(1);

        management.executeJob(timer.getId());
        assertThat(incidentsOf(draft)).as("the late timer finds it raised").hasSize(1);
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE)
                .processInstanceId(draft.getProcessInstanceId()).list()).extracting(Incident::getConfiguration)
                .containsOnlyOnce("task:" + draft.getId());
    }

    @Test
    void theCaseTimerRaisesTheStatutoryAnswerOnceWhileTheCaseGoesOn() {
        Task draft = proposalRegisteredOn(LocalDate.of(2026, 12, 1));
        String theCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                runtime.createProcessInstanceQuery().processInstanceId(draft.getProcessInstanceId()).singleResult()
                        .getBusinessKey()).processDefinitionKey("litigation-case").singleResult().getId();
        LocalDate due = LocalDate.parse((String) runtime.getVariable(theCase, OverdueItems.STATUTORY_ANSWER_DUE));
        Job timer = OverdueTimers.caseTimer(engine, theCase, "IntakeStatutoryAnswerOverdueTimer");
        assertThat(timer.getDuedate()).isEqualTo(DeadlineTimers.overdueAt(LegalClock.endOfDay(due)));
        String key = "case:" + theCase + ":" + CourtDeadlines.STATUTORY_ANSWER;

        at(due.plusDays(1), 0, 0);
        watch.sweep();
        assertThat(runtime.createIncidentQuery().configuration(key).count()).as("left to the case's timer").isZero();
        management.executeJob(timer.getId());
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).configuration(key).list())
                .hasSize(1).first().satisfies(i -> assertThat(i.getIncidentMessage()).contains("法定答辩期限"));
        at(due.plusDays(1), 0, 5);
        watch.sweep();
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).configuration(key).count())
                .as("raised once").isOne();
    }

    @Test
    void aTimerThatFiresBeforeTheTaskIsOverdueRaisesNothing() {
        Task draft = proposalRegisteredOn(LocalDate.of(2026, 12, 3));
        Job timer = OverdueTimers.of(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        // e.g. the task's due date moved later after the timer's job was acquired
        at(LegalClock.dateOf(draft.getDueDate()), 12, 0);
        management.executeJob(timer.getId());
        assertThat(incidentsOf(draft)).isEmpty();
    }
}
