package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Deadlines counted provisionally for 2027 (no notice yet: statutory holidays and weekends) are recounted when the 2027
 * file arrives, and may move either way: a weekend day the notice makes a 调休 working day moves one earlier, the
 * notice's longer 国庆 holiday moves another later. Open tasks and timers follow.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class PublishedYearRecomputationTest {

    /** A 2027 notice as the State Council might publish it (hypothetical: 国庆 1–7 October, two 调休 weekend days). */
    private static final String NOTICE_2027 = """
            year: 2027
            source: 测试用2027年节假日安排（假设）
            holidays:
              - name: 国庆节
                from: 2027-10-01
                to: 2027-10-07
            adjustedWorkingDays: [2027-09-26, 2027-10-09]
            """;

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
    @Value("${litigation.calendar-dir}")
    Path calendarDir;

    private String deployment;

    @AfterEach
    void withdrawTheNotice() throws Exception {
        Files.deleteIfExists(calendarDir.resolve("2027.yaml"));
        rest.withBasicAuth("demo", "demo").postForEntity("/api/admin/calendar/reload", null, Map.class);
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void thePublishedNoticeMovesOneDeadlineEarlierAndAnotherLater() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("published-year-probe").name("公布年度探针")
                .camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork")
                .userTask("lossTask").name("败诉分析探针")
                .camundaTaskListenerExpression("create", "${deadlineTasks.apply(task, 'lossAnalysis')}")
                .boundaryEvent("lossTimer").cancelActivity(false)
                .timerWithDate("${caseDeadlines.dueAt(execution, 'lossAnalysis')}").endEvent()
                .moveToActivity("lossTask").endEvent()
                .moveToNode("fork").userTask("rulingTask").name("裁定上诉探针")
                .camundaTaskListenerExpression("create", "${deadlineTasks.apply(task, 'appealRuling')}").endEvent()
                .done();
        deployment = repository.createDeployment().addModelInstance("published-year-probe.bpmn", model).deploy().getId();

        // 2027-09-11 + 15 = Sunday 2027-09-26: provisionally Monday 09-27.
        // 2027-09-24 + 10 = Monday 2027-10-04: after the statutory 国庆 (10-01..03), provisionally due that day.
        List<Map<String, Object>> list = new ArrayList<>();
        list = CaseDeadlineVariable.put(list, deadlines.compute(DeadlineKind.LOSS_ANALYSIS, LocalDate.of(2027, 9, 11)));
        list = CaseDeadlineVariable.put(list, deadlines.compute(DeadlineKind.APPEAL_RULING, LocalDate.of(2027, 9, 24)));
        assertThat(list).allSatisfy(d -> assertThat(d).containsEntry("provisional", true));
        String instance = runtime.startProcessInstanceByKey("published-year-probe",
                Map.of(CaseDeadlineVariable.NAME, CaseDeadlineVariable.toValue(list))).getId();
        Task loss = task(instance, "lossTask");
        Task ruling = task(instance, "rulingTask");
        assertThat(loss.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 9, 27)));
        assertThat(ruling.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 10, 4)));
        assertThat(timerDue(instance)).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 9, 27)));

        Files.createDirectories(calendarDir);
        Files.writeString(calendarDir.resolve("2027.yaml"), NOTICE_2027);
        ResponseEntity<Map> reload = rest.withBasicAuth("demo", "demo")
                .postForEntity("/api/admin/calendar/reload", null, Map.class);

        assertThat(reload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Integer>) reload.getBody().get("calendarYears")).contains(2027);
        List<Map<String, Object>> changes = ((List<Map<String, Object>>) reload.getBody().get("changes")).stream()
                .filter(c -> instance.equals(c.get("processInstanceId"))).toList();
        assertThat(changes).hasSize(2);
        // Earlier: Sunday 2027-09-26 is a 调休 working day in the notice.
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("deadline", "lossAnalysis")
                .containsEntry("before", "2027-09-27").containsEntry("after", "2027-09-26"));
        // Later: the notice's 国庆 runs to 2027-10-07.
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("deadline", "appealRuling")
                .containsEntry("before", "2027-10-04").containsEntry("after", "2027-10-08"));

        assertThat(task(instance, "lossTask").getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 9, 26)));
        assertThat(task(instance, "rulingTask").getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 10, 8)));
        assertThat(timerDue(instance)).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 9, 26)));
        List<Map<String, Object>> stored = CaseDeadlineVariable.parse(
                runtime.<org.camunda.bpm.engine.variable.value.TypedValue>getVariableTyped(instance, CaseDeadlineVariable.NAME, false));
        assertThat(stored).allSatisfy(d -> {
            assertThat(d).containsEntry("provisional", false).containsEntry("calendarYears", List.of(2027));
            assertThat((String) d.get("explanation")).doesNotContain("尚未公布");
        });
        assertThat((String) tasks.getVariableLocal(ruling.getId(), DeadlineTasks.TEXT_VARIABLE))
                .contains("2027年10月7日（国庆节）").doesNotContain("尚未公布");
    }

    private Task task(String instance, String activity) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult();
    }

    private java.util.Date timerDue(String instance) {
        return management.createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate();
    }
}
