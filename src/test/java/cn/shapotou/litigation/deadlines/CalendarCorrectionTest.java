package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.ClassPathResource;

/**
 * A corrected calendar file moves the due dates of open tasks that depend on it (src/docs/deadlines.md): here a correction
 * that makes 2026-12-07, the statutory answer deadline of a case received on 2026-11-20, a day off.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class CalendarCorrectionTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    Deadlines deadlines;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Value("${litigation.calendar-dir}")
    Path calendarDir;

    @AfterEach
    void restoreTheShippedCalendar() throws Exception {
        Files.deleteIfExists(calendarDir.resolve("2026.yaml"));
        rest.withBasicAuth("demo", "demo").postForEntity("/api/admin/calendar/reload", null, Map.class);
    }

    @Test
    void aCorrectedCalendarMovesAnOpenTasksDueDate() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(task.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));

        writeCorrectedCalendar();
        ResponseEntity<Map> reload = rest.withBasicAuth("demo", "demo")
                .postForEntity("/api/admin/calendar/reload", null, Map.class);
        assertThat(reload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) reload.getBody().get("changes")).anySatisfy(change ->
                assertThat(change).containsEntry("businessKey", caseNumber).containsEntry("deadline", "statutoryAnswer")
                        .containsEntry("before", "2026-12-07").containsEntry("after", "2026-12-08"));

        Task moved = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(moved.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 8)));
        assertThat(cn.shapotou.litigation.escalation.OverdueTimers.cycleOf(cn.shapotou.litigation.escalation
                .OverdueTimers.reminderOf(engine, task.getProcessInstanceId(), task.getTaskDefinitionKey())))
                .as("the reminder timer's whole cycle moved with the deadline")
                .isEqualTo("R1/2026-12-06T00:00:00+08:00/P2D");
        assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).contains("2026-12-07").contains("2026-12-08"));
        assertThat((String) tasks.getVariableLocal(task.getId(), DeadlineTasks.TEXT_VARIABLE)).contains("更正测试假日");
        Map<String, Object> view = (Map<String, Object>) rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber);
        assertThat((List<Map<String, Object>>) view.get("deadlines")).anySatisfy(d ->
                assertThat(d).containsEntry("key", "statutoryAnswer").containsEntry("due", "2026-12-08"));
    }

    @Test
    void aCorrectedCalendarMovesATimerWaitingForTheDeadline() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("deadline-timer-probe").name("期限计时器探针")
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("probeTask").name("探针任务")
                .boundaryEvent("probeOverdueTimer").cancelActivity(false)
                .timerWithDate("${caseDeadlines.dueAt(execution, 'statutoryAnswer')}").endEvent()
                .moveToActivity("probeTask").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("probe.bpmn", model).deploy().getId();
        try {
            List<Map<String, Object>> list = CaseDeadlineVariable.put(new java.util.ArrayList<>(),
                    deadlines.compute(DeadlineKind.STATUTORY_ANSWER, LocalDate.of(2026, 11, 20)));
            String instance = runtime.startProcessInstanceByKey("deadline-timer-probe",
                    Map.of(CaseDeadlineVariable.NAME, CaseDeadlineVariable.toValue(list))).getId();
            assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
                    .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));

            writeCorrectedCalendar();
            assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/admin/calendar/reload", null, Map.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
                    .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 8)));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private void writeCorrectedCalendar() throws Exception {
        String shipped = new String(new ClassPathResource("calendar/2026.yaml").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.createDirectories(calendarDir);
        Files.writeString(calendarDir.resolve("2026.yaml"), shipped.replace("holidays:\n", """
                holidays:
                  - name: 更正测试假日
                    from: 2026-12-07
                    to: 2026-12-07
                """));
    }

    @Test
    void onlyAnAdministratorReloadsAndABadFileChangesNothing() throws Exception {
        assertThat(rest.withBasicAuth("justice", "demo").postForEntity("/api/admin/calendar/reload", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Files.createDirectories(calendarDir);
        Files.writeString(calendarDir.resolve("2026.yaml"), "year: 2026\nadjustedWorkingDays: [2026-12-07]\n");
        ResponseEntity<Map> reload = rest.withBasicAuth("demo", "demo")
                .postForEntity("/api/admin/calendar/reload", null, Map.class);
        assertThat(reload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reload.getBody().toString()).contains("2026-12-07 不是周末");
        Map<String, Object> stillShipped = (Map<String, Object>) rest.withBasicAuth("natres", "demo")
                .getForObject("/api/deadlines?start=2026-09-28&days=7", Map.class);
        assertThat(stillShipped).containsEntry("due", "2026-10-08");
    }
}
