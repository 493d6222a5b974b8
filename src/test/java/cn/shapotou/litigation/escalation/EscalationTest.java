package cn.shapotou.litigation.escalation;

import static cn.shapotou.litigation.EngineTestState.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The supervision layer with the engine clock moved across deadlines: reminders, the {@code deadline-overdue}
 * incident, the 督办 task, and both going away when the item is done.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings("unchecked")
class EscalationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    DeadlineWatch watch;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;

    private List<Incident> incidents(String caseNumber) {
        List<Incident> all = runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list();
        // the watch's own incidents; the engine's copies in the calling instance carry no message
        return all.stream().filter(i -> String.valueOf(i.getIncidentMessage()).contains(caseNumber)).toList();
    }

    /** The items of the open 督办 (process supervision) of the case. */
    private List<String> notices(String caseNumber) {
        return SupervisionTasks.items(engine, caseNumber);
    }

    @Test
    void anOverdueTaskAndTheStatutoryAnswerAreEscalatedOnceAndClearedWhenDone() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);

        // 2026-11-20 + 15 days = Monday 2026-12-07; from 2026-12-08 00:00 both are overdue.
        at(2026, 12, 7, 23);
        watch.sweep();
        assertThat(incidents(caseNumber)).isEmpty();
        at(2026, 12, 8, 9);
        watch.sweep();
        List<Incident> open = incidents(caseNumber);
        assertThat(open).hasSize(2);
        assertThat(open).extracting(Incident::getIncidentMessage).anySatisfy(m -> assertThat(m)
                .contains(caseNumber, "拟定办理建议", "逾期1日", "2026-12-07"));
        assertThat(open).extracting(Incident::getIncidentMessage).anySatisfy(m -> assertThat(m)
                .contains("法定答辩期限"));
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        assertThat(open).extracting(Incident::getExecutionId).contains(draft.getExecutionId());
        assertThat(notices(caseNumber)).hasSize(2);
        assertThat(SupervisionTasks.of(engine, caseNumber, "justice-bureau")).hasSize(2)
                .allSatisfy(t -> assertThat(t.getName()).isEqualTo("发出督办"));

        List<Map<String, Object>> overdue = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/supervision/overdue", List.class);
        assertThat(overdue).filteredOn(i -> caseNumber.equals(i.get("caseNumber"))).hasSize(2)
                .allSatisfy(i -> assertThat(i).containsEntry("due", "2026-12-07").containsEntry("daysOverdue", 1));
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/supervision/overdue", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        at(2026, 12, 9, 9);
        watch.sweep();
        assertThat(incidents(caseNumber)).as("escalated once per item").hasSize(2);
        assertThat(notices(caseNumber)).hasSize(2);

        walk.approveProposal(caseNumber);
        // The hearing stage's statutory answer timer starts with it, already due: it raises the item on the new stage
        // (the sweep leaves it that minute).
        watch.sweep();
        String theCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        management.executeJob(OverdueTimers.caseTimer(engine, theCase, "InstanceStatutoryAnswerOverdueTimer").getId());
        watch.sweep();
        assertThat(incidents(caseNumber)).as("the proposal's incident went with it; the statutory item stays")
                .extracting(Incident::getIncidentMessage).noneMatch(m -> m.contains("拟定办理建议"))
                .anyMatch(m -> m.contains("法定答辩期限"));
        assertThat(history.createHistoricIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).resolved().list())
                .anySatisfy(i -> assertThat(i.getIncidentMessage()).contains(caseNumber, "拟定办理建议"));
        assertThat(notices(caseNumber)).filteredOn(t -> t.contains("法定答辩期限")).hasSize(1);
        assertThat(notices(caseNumber)).noneMatch(t -> t.contains("拟定办理建议"));

        walk.deliverAnswer(caseNumber, "2026-12-09");
        assertThat(incidents(caseNumber)).isEmpty();
        assertThat(notices(caseNumber)).isEmpty();
        watch.sweep();
        assertThat(incidents(caseNumber)).as("a delivered answer is not overdue again").isEmpty();
    }

    @Test
    void remindersComeTwoDaysBeforeAndOnTheDayOnceEachByMailToo() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");

        // The task's reminder timer was due at 00:00 and the job executor is off in tests: nine hours on, the sweep
        // stands in for it (OverdueTimerTest has the timer itself).
        at(2026, 12, 5, 9);
        watch.sweep();
        watch.sweep();
        // the task's own reminders; the district leaders' of the statutory answer is EscalationHoldersTest's
        assertThat(tasks.getTaskComments(draft.getId())).extracting(Comment::getFullMessage)
                .filteredOn(m -> m.startsWith("提醒：「"))
                .singleElement().asString().contains("拟定办理建议", "2026年12月7日", "还有2日");
        at(2026, 12, 7, 9);
        watch.sweep();
        assertThat(tasks.getTaskComments(draft.getId())).extracting(Comment::getFullMessage)
                .filteredOn(m -> m.startsWith("提醒：「"))
                .hasSize(2).anySatisfy(m -> assertThat(m).contains("今日到期"));
        assertThat(tasks.getProcessInstanceComments(draft.getProcessInstanceId())).extracting(Comment::getFullMessage)
                .filteredOn(m -> m.startsWith("提醒：「")).hasSize(2);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).anySatisfy(m -> {
            assertThat(m.getSubject()).contains("拟定办理建议");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("justice@example.gov.cn");
            assertThat(String.valueOf(m.getContent())).contains("今日到期");
        });
    }

    @Test
    void theWatchRunsAsAProcessEveryMinute() {
        Job timer = management.createJobQuery().processDefinitionKey("deadline-watch").timers().singleResult();
        assertThat(timer).isNotNull();
        management.executeJob(timer.getId());
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("deadline-watch").finished()
                .count()).isPositive();
        assertThat(management.createJobQuery().processDefinitionKey("deadline-watch").timers().count())
                .as("the next sweep is scheduled").isEqualTo(1);
    }
}
