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
 * either raises it, once. Beside it the reminder timer 「到期提醒」: one job whose cycle fires at 00:00 of the reminder
 * days (2 days before and on the day), at once for a task born or moved inside its window, sending each reminder once.
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

    private static Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(LegalClock.ZONE).toInstant());
    }

    private static void oneSecondPast(Date moment) {
        ClockUtil.setCurrentTime(new Date(moment.getTime() + 1000));
    }

    private List<String> reminders(Task task) {
        return tasks.getTaskComments(task.getId()).stream().map(c -> c.getFullMessage())
                .filter(m -> m.startsWith("提醒：「")).toList();
    }

    /** A natural resources case received on 2026-11-20 and registered at {@code registered}: the proposal's task. */
    private Task proposalOfCaseReceived20November(LocalDate registered, int hour) {
        at(registered, hour, 0);
        Map<String, Object> data = TestCases.natresCase();
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.register(data);
        return walk.task((String) data.get("caseNumber"), "DraftHandlingProposalTask");
    }

    @Test
    void theReminderTimerFiresAtMidnightOfEachReminderDayAndEachReminderIsSentOnce() {
        Task draft = proposalOfCaseReceived20November(LocalDate.of(2026, 11, 25), 10);
        LocalDate due = LegalClock.dateOf(draft.getDueDate());
        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 7));
        Job reminder = OverdueTimers.reminderOf(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        assertThat(reminder.getDuedate()).as("00:00 two days before").isEqualTo(midnight(due.minusDays(2)));
        assertThat(OverdueTimers.cycleOf(reminder)).as("2 days before and on the day, one job")
                .isEqualTo("R1/2026-12-05T00:00:00+08:00/P2D");

        // Half a minute past its moment the timer is the job executor's: the sweep leaves the reminder to it.
        at(due.minusDays(2), 0, 0);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 30_000));
        watch.sweep();
        assertThat(reminders(draft)).isEmpty();
        management.executeJob(reminder.getId());
        assertThat(reminders(draft)).singleElement().asString().contains("拟定办理建议", "2026年12月7日", "还有2日");
        assertThat(tasks.createTaskQuery().taskId(draft.getId()).count()).as("the timer does not interrupt").isOne();

        Job onTheDay = OverdueTimers.reminderOf(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        assertThat(onTheDay.getDuedate()).as("the cycle's next day").isEqualTo(midnight(due));
        at(due.minusDays(1), 9, 0);
        watch.sweep();
        assertThat(reminders(draft)).as("nothing on the day between").hasSize(1);

        oneSecondPast(midnight(due));
        management.executeJob(onTheDay.getId());
        assertThat(reminders(draft)).hasSize(2).anySatisfy(m -> assertThat(m).contains("今日到期"));
        assertThat(OverdueTimers.reminders(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask"))
                .as("no reminder day left").isEmpty();
        at(due, 9, 0);
        watch.sweep();
        assertThat(reminders(draft)).as("the sweep sends none again").hasSize(2);
    }

    @Test
    void aTaskBornInsideItsReminderWindowIsRemindedAtOnceOfTheNearestReminderDayOnly() {
        Task draft = proposalOfCaseReceived20November(LocalDate.of(2026, 12, 6), 10);
        Date now = ClockUtil.getCurrentTime();
        Job reminder = OverdueTimers.reminderOf(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        assertThat(reminder.getDuedate()).as("due at once").isEqualTo(now);
        assertThat(OverdueTimers.cycleOf(reminder)).isEqualTo("R1/2026-12-05T00:00:00+08:00/P2D");

        ClockUtil.setCurrentTime(new Date(now.getTime() + 30_000));
        watch.sweep();
        assertThat(reminders(draft)).as("left to the timer").isEmpty();
        management.executeJob(reminder.getId());
        assertThat(reminders(draft)).as("the reminder of 2 days before, not sent late as such")
                .singleElement().asString().contains("还有1日");

        Job onTheDay = OverdueTimers.reminderOf(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");
        assertThat(onTheDay.getDuedate()).isEqualTo(midnight(LocalDate.of(2026, 12, 7)));
        oneSecondPast(onTheDay.getDuedate());
        management.executeJob(onTheDay.getId());
        assertThat(reminders(draft)).hasSize(2).anySatisfy(m -> assertThat(m).contains("今日到期"));
    }

    @Test
    void theUnitsOfAMultiInstanceTaskBornInsideTheWindowShareOneReminderTimerDueAtOnce() {
        Task draft = proposalOfCaseReceived20November(LocalDate.of(2026, 12, 6), 10);
        String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(draft.getProcessInstanceId())
                .singleResult().getBusinessKey();
        new CaseWalk(runtime, tasks).approveProposal(caseNumber);
        String answer = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("answer-preparation").singleResult().getId();
        List<Task> units = tasks.createTaskQuery().processInstanceId(answer).taskDefinitionKey("PrepareAnswerTask")
                .list();
        assertThat(units).isNotEmpty();

        // one job on the multi-instance body for every unit's task, made due at once
        Job reminder = OverdueTimers.reminderOf(engine, answer, "PrepareAnswerTask");
        assertThat(reminder.getDuedate()).isEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(reminder.getId());
        assertThat(units).allSatisfy(unit -> assertThat(reminders(unit)).singleElement().asString()
                .contains("准备答辩材料", "还有1日"));
        assertThat(OverdueTimers.reminderOf(engine, answer, "PrepareAnswerTask").getDuedate())
                .isEqualTo(midnight(LocalDate.of(2026, 12, 7)));
    }

    @Test
    void theSweepStandsInForAReminderTimerTheJobExecutorLeftBehindAndTheLateTimerSendsNothingMore() {
        Task draft = proposalOfCaseReceived20November(LocalDate.of(2026, 11, 25), 10);
        Job reminder = OverdueTimers.reminderOf(engine, draft.getProcessInstanceId(), "DraftHandlingProposalTask");

        at(LocalDate.of(2026, 12, 5), 0, 2);
        watch.sweep();
        assertThat(reminders(draft)).as("two minutes late: the sweep sends it").singleElement().asString()
                .contains("还有2日");
        management.executeJob(reminder.getId());
        assertThat(reminders(draft)).as("the late timer finds it sent").hasSize(1);
    }

    @Test
    void aMovedDueDateMovesTheReminderCycleAndATaskMovedIntoItsWindowIsRemindedAtOnce() {
        Task draft = proposalOfCaseReceived20November(LocalDate.of(2026, 11, 25), 10);
        String instance = draft.getProcessInstanceId();

        // later: the whole cycle goes with the deadline (moving only the job's due date would leave the second day
        // on the old deadline)
        cn.shapotou.litigation.deadlines.DeadlineTimers.follow(management, tasks,
                cn.shapotou.litigation.deadlines.ReminderDays.DEFAULT, instance, "DraftHandlingProposalTask",
                draft.getId(), LegalClock.endOfDay(LocalDate.of(2026, 12, 17)));
        Job reminder = OverdueTimers.reminderOf(engine, instance, "DraftHandlingProposalTask");
        assertThat(reminder.getDuedate()).isEqualTo(midnight(LocalDate.of(2026, 12, 15)));
        assertThat(OverdueTimers.cycleOf(reminder)).isEqualTo("R1/2026-12-15T00:00:00+08:00/P2D");
        oneSecondPast(reminder.getDuedate());
        draft.setDueDate(LegalClock.endOfDay(LocalDate.of(2026, 12, 17)));
        cn.shapotou.litigation.deadlines.DueDateGuard.bySystem(() -> tasks.saveTask(draft));
        management.executeJob(reminder.getId());
        assertThat(OverdueTimers.reminderOf(engine, instance, "DraftHandlingProposalTask").getDuedate())
                .as("the second day is the new deadline day").isEqualTo(midnight(LocalDate.of(2026, 12, 17)));
        assertThat(reminders(draft)).singleElement().asString().contains("2026年12月17日", "还有2日");

        // earlier, into the window: at once, the nearest reminder day; then on the new day
        at(LocalDate.of(2026, 12, 16), 8, 0);
        Task again = tasks.createTaskQuery().taskId(draft.getId()).singleResult();
        again.setDueDate(LegalClock.endOfDay(LocalDate.of(2026, 12, 16)));
        cn.shapotou.litigation.deadlines.DueDateGuard.bySystem(() -> tasks.saveTask(again));
        cn.shapotou.litigation.deadlines.DeadlineTimers.follow(management, tasks,
                cn.shapotou.litigation.deadlines.ReminderDays.DEFAULT, instance, "DraftHandlingProposalTask", null,
                null);
        Job atOnce = OverdueTimers.reminderOf(engine, instance, "DraftHandlingProposalTask");
        assertThat(atOnce.getDuedate()).isEqualTo(ClockUtil.getCurrentTime());
        assertThat(OverdueTimers.cycleOf(atOnce)).isEqualTo("R1/2026-12-14T00:00:00+08:00/P2D");
        management.executeJob(atOnce.getId());
        assertThat(reminders(draft)).hasSize(2).anySatisfy(m -> assertThat(m).contains("今日到期"));
        assertThat(OverdueTimers.reminders(engine, instance, "DraftHandlingProposalTask")).isEmpty();
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
