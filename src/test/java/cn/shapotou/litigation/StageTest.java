package cn.shapotou.litigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shapotou.litigation.deadlines.DeadlineTimers;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * Base of the stage tests: one stage BPMN deployed by itself (the subclass's {@code @Deployment}) into a plain
 * in-memory engine, without Spring. The beans its expressions name are Mockito mocks registered under those names, so a
 * stage test checks the stage's flow — every gateway branch, event and return loop — and which collaborator the flow
 * calls, not what the collaborators do (their own tests and the {@link IntegrationTest}s do that). The application's
 * engine plugins (deadlines, due-date guard, escalation, save points) are left out: they act on every task of every
 * stage and are tested where they are defined. No job executor: a test runs the save points and other jobs itself.
 * After the class, {@link StageCoverage} checks that its tests ran every flow node and sequence flow of the stage.
 *
 * <p>Every stage registers {@code caseDeadlines} and {@code overdueEscalation}, the beans of the overdue timers 「期限届满」
 * on deadline-bound tasks and of their path 「逾期督办」 (deadlines.DeadlineTimers, README「督办（区司法局）」): a stage
 * test fires each timer with {@link #fireOverdueTimer} to show its task stays open and its escalation runs once.
 * Likewise {@code deadlineReminder}, the path 「发送到期提醒」 of the reminder timers 「到期提醒」 beside them:
 * {@link #fireReminderTimer} fires each one on both its reminder days (2 days before and on the day).
 */
public abstract class StageTest {

    @RegisterExtension
    static final StageCoverage COVERAGE = new StageCoverage();

    @RegisterExtension
    protected final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(StageEngine.ENGINE).build();

    /** The deadlines a timer's {@code ${caseDeadlines.overdueAt(execution, key)}} asks for: each key its own day. */
    protected Deadlines caseDeadlines;

    /** The 「逾期督办」 delegate of every overdue timer's path. */
    protected JavaDelegate overdueEscalation;

    /** The moment {@link #caseDeadlines} gave for each deadline key, in the order they were first asked for. */
    private final Map<String, Date> overdueMoments = new LinkedHashMap<>();

    /** The activities at which {@link #overdueEscalation} ran, as it saw them when called. */
    private final List<String> escalatedAt = new ArrayList<>();

    /** The 「发送到期提醒」 delegate of every reminder timer's path. */
    protected JavaDelegate deadlineReminder;

    /** The activities at which {@link #deadlineReminder} ran. */
    private final List<String> remindedAt = new ArrayList<>();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @BeforeEach
    void overdueTimerBeans() throws Exception {
        caseDeadlines = bean("caseDeadlines", Deadlines.class);
        when(caseDeadlines.overdueAt(any(), anyString()))
                .thenAnswer(call -> overdueMoments.computeIfAbsent(call.getArgument(1), this::nextOverdueMoment));
        overdueEscalation = bean("overdueEscalation", JavaDelegate.class);
        doAnswer(call -> escalatedAt.add(call.getArgument(0, DelegateExecution.class).getCurrentActivityId()))
                .when(overdueEscalation).execute(any());
        when(caseDeadlines.reminderCycle(any(), anyString())).thenAnswer(call -> reminderCycle(call.getArgument(1)));
        deadlineReminder = bean("deadlineReminder", JavaDelegate.class);
        doAnswer(call -> remindedAt.add(call.getArgument(0, DelegateExecution.class).getCurrentActivityId()))
                .when(deadlineReminder).execute(any());
    }

    /** As ReminderDays makes it with the default 2,0: 00:00 two days before the deadline and of the deadline day. */
    private String reminderCycle(String key) {
        Date overdue = overdueMoments.computeIfAbsent(key, this::nextOverdueMoment);
        return "R1/" + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                firstReminder(overdue).toInstant().atZone(LegalClock.ZONE)) + "/P2D";
    }

    private static Date firstReminder(Date overdueAt) {
        return Date.from(overdueAt.toInstant().atZone(LegalClock.ZONE).minusDays(3).toInstant());
    }

    /**
     * 24:00 (Asia/Shanghai) of a day ten or more days after the engine clock, one day later for each further key, so a
     * timer asking for the wrong key gets a due date the test does not expect.
     */
    private Date nextOverdueMoment(String key) {
        return Date.from(LegalClock.dateOf(ClockUtil.getCurrentTime()).plusDays(11 + overdueMoments.size())
                .atStartOfDay(LegalClock.ZONE).toInstant());
    }

    /** The moment {@code caseDeadlines.overdueAt} returned for deadline {@code key}; fails when no timer asked for it. */
    protected Date overdueAt(String key) {
        verify(caseDeadlines, atLeastOnce()).overdueAt(any(), eq(key));
        return overdueMoments.get(key);
    }

    /** The timer job of task {@code taskId}'s 「期限届满」 in the instance, or null when it is not waiting. */
    protected static Job overdueTimer(ProcessInstance instance, String taskId) {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId())
                .activityIdIn(DeadlineTimers.timerOf(taskId)).singleResult();
        assertThat(definition).as("job definition of %s", DeadlineTimers.timerOf(taskId)).isNotNull();
        return jobQuery().processInstanceId(instance.getId()).jobDefinitionId(definition.getId()).singleResult();
    }

    /**
     * Fires the 「期限届满」 timer of task {@code taskId} (id {@code <Base>Task}) and checks what the model promises: the
     * timer was due at the moment {@code caseDeadlines.overdueAt} gave for deadline {@code deadlineKey}; 「逾期督办」
     * {@code <Base>OverdueEscalationTask} ran once and its path ended at {@code <Base>EscalatedEndEvent}; the timer does
     * not interrupt, so the task's open instances are the same afterwards and the timer does not come back.
     */
    protected void fireOverdueTimer(ProcessInstance instance, String taskId, String deadlineKey) throws Exception {
        assertThat(taskId).endsWith("Task");
        String base = taskId.substring(0, taskId.length() - "Task".length());
        List<String> open = openTasks(instance, taskId);
        assertThat(open).as("open tasks %s", taskId).isNotEmpty();
        Job timer = overdueTimer(instance, taskId);
        assertThat(timer).as("timer of %s", taskId).isNotNull();
        assertThat(timer.getDuedate()).hasSameTimeAs(overdueAt(deadlineKey));
        long endedBefore = escalatedEnds(instance, base);
        clearInvocations(overdueEscalation);
        escalatedAt.clear();

        managementService().executeJob(timer.getId());

        verify(overdueEscalation).execute(any());
        assertThat(escalatedAt).containsExactly(base + "OverdueEscalationTask");
        assertThat(escalatedEnds(instance, base)).isEqualTo(endedBefore + 1);
        assertThat(openTasks(instance, taskId)).containsExactlyInAnyOrderElementsOf(open);
        assertThat(overdueTimer(instance, taskId)).isNull();
    }

    /** The timer job of task {@code taskId}'s 「到期提醒」 in the instance, or null when it is not waiting. */
    protected static Job reminderTimer(ProcessInstance instance, String taskId) {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId())
                .activityIdIn(DeadlineTimers.reminderOf(taskId)).singleResult();
        assertThat(definition).as("job definition of %s", DeadlineTimers.reminderOf(taskId)).isNotNull();
        return jobQuery().processInstanceId(instance.getId()).jobDefinitionId(definition.getId()).singleResult();
    }

    /**
     * Fires the 「到期提醒」 timer of task {@code taskId} on both its days, each a second after its moment as the job
     * executor would (the clock is the real one again afterwards): first at 00:00 two days before deadline {@code deadlineKey}, then (the engine schedules the
     * next repetition of the cycle) at 00:00 of the deadline day; each time 「发送到期提醒」 {@code <Base>ReminderTask}
     * ran and its path ended at {@code <Base>RemindedEndEvent}; the task's open instances stay, and after the last
     * day the timer does not come back.
     */
    protected void fireReminderTimer(ProcessInstance instance, String taskId, String deadlineKey) throws Exception {
        String base = taskId.substring(0, taskId.length() - "Task".length());
        List<String> open = openTasks(instance, taskId);
        assertThat(open).as("open tasks %s", taskId).isNotEmpty();
        Date first = firstReminder(overdueAt(deadlineKey));
        verify(caseDeadlines, atLeastOnce()).reminderCycle(any(), eq(deadlineKey));
        try {
            for (Date moment : List.of(first, new Date(first.getTime() + 2 * 86_400_000L))) {
                Job timer = reminderTimer(instance, taskId);
                assertThat(timer).as("reminder timer of %s", taskId).isNotNull();
                assertThat(timer.getDuedate()).hasSameTimeAs(moment);
                long endedBefore = passes(instance, base + "RemindedEndEvent");
                clearInvocations(deadlineReminder);
                remindedAt.clear();
                ClockUtil.setCurrentTime(new Date(moment.getTime() + 1000));

                managementService().executeJob(timer.getId());

                verify(deadlineReminder).execute(any());
                assertThat(remindedAt).containsExactly(base + "ReminderTask");
                assertThat(passes(instance, base + "RemindedEndEvent")).isEqualTo(endedBefore + 1);
                assertThat(openTasks(instance, taskId)).containsExactlyInAnyOrderElementsOf(open);
            }
        } finally {
            ClockUtil.reset();
        }
        assertThat(reminderTimer(instance, taskId)).as("no reminder day left").isNull();
    }

    /** How often the instance entered activity {@code activityId}, e.g. a merge gateway by each of its flows. */
    protected static long passes(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    private static List<String> openTasks(ProcessInstance instance, String taskId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).list().stream()
                .map(Task::getId).toList();
    }

    private static long escalatedEnds(ProcessInstance instance, String base) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(base + "EscalatedEndEvent").finished().count();
    }

    @AfterEach
    void forgetMocks() {
        Mocks.reset();
    }

    /** The Spring tests that follow in the same JVM pick their own engine, not this one. */
    @AfterAll
    static void resetAssertions() {
        AbstractAssertions.reset();
    }

    /** A Mockito mock of the bean, registered under the name the BPMN's expressions use. */
    protected static <T> T bean(String name, Class<T> type) {
        T mock = Mockito.mock(type);
        Mocks.register(name, mock);
        return mock;
    }

    /**
     * Completes the task as its person does and continues the save point after it, as the job executor does at once
     * (every person's task ends in one, README「事务边界与重试」): the test then sees where the stage went on to. Other
     * jobs (timers, asyncBefore work) stay for the test to run. In every stage test this takes the place of
     * BpmnAwareTests' {@code complete}, which it calls.
     */
    protected static void complete(Task task) {
        complete(task, Map.of());
    }

    /** As {@link #complete(Task)}, with the values the person submits. */
    protected static void complete(Task task, Map<String, Object> variables) {
        BpmnAwareTests.complete(task, variables);
        jobQuery().processInstanceId(task.getProcessInstanceId()).activityId(task.getTaskDefinitionKey()).messages()
                .list().forEach(BpmnAwareTests::execute);
    }

    /** Runs the instance's waiting jobs (save points after a person's task, asyncBefore work) until none is left. */
    protected static void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = jobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(BpmnAwareTests::execute);
        }
        throw new IllegalStateException("jobs of " + instance.getId() + " keep making new jobs");
    }

    /** One engine for every stage test class in the JVM, built on first use. */
    private static final class StageEngine {
        static final ProcessEngine ENGINE = build();

        private static ProcessEngine build() {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("stage-tests");
            configuration.setJdbcUrl("jdbc:h2:mem:stage-tests;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setCustomHistoryEventHandlers(List.of(StageCoverage.ACTIVITIES));
            // Mutable: the engine adds its own parse listeners to this list.
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(StageCoverage.FLOWS)));
            return configuration.buildProcessEngine();
        }
    }
}
