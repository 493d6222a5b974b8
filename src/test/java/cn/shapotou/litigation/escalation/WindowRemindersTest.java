package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The retrial and enforcement windows are watched from the day they open, whatever the unit chooses and after the
 * archive too (法释〔2018〕1号 Art. 110, 153; regulation Art. 15, 16): a reminder task for the handling unit at the first
 * reminder point, the leaders two days before, nothing twice, and nothing left once the window closed or was used.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class WindowRemindersTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    CaseWindows windows;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    private void document(String caseNumber, Map<String, Object> document) {
        TestCases.courtDocument(rest, caseNumber, document);
    }

    /** Lost at first instance (the act revoked), not appealed, effective Tuesday 2026-12-01. */
    private String lostAndEffective() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01", "effectiveOn", "2026-12-01"));
        return caseNumber;
    }

    private List<Task> reminders(String caseNumber) {
        return tasks.createTaskQuery().taskVariableValueLike(WindowReminders.WINDOW_VARIABLE, caseNumber + "|%").list();
    }

    @Test
    void aLostDecisionsRetrialWindowRemindsTheUnitAMonthAheadAndTheLeadersTwoDaysAhead() {
        String caseNumber = lostAndEffective();
        // 2026-12-01 + 6 months = 2027-06-01 (Tuesday; 2027 counted provisionally, no holiday that day).
        assertThat(windows.of(caseNumber)).singleElement()
                .satisfies(w -> assertThat(w.due()).isEqualTo(LocalDate.of(2027, 6, 1)))
                .satisfies(w -> assertThat(w.unit()).isEqualTo("natural-resources"));

        TestCases.today("2027-05-01");
        watch.sweep();
        assertThat(reminders(caseNumber)).as("31 days ahead: not yet").isEmpty();

        TestCases.today("2027-05-02");
        watch.sweep();
        watch.sweep();
        Task reminder = reminders(caseNumber).get(0);
        assertThat(reminders(caseNumber)).hasSize(1);
        assertThat(reminder.getName()).contains("申请再审（法定期限）").contains("2027年6月1日").contains(caseNumber);
        assertThat(reminder.getDueDate()).as("a window left unused is no overdue item").isNull();
        assertThat(reminder.getFollowUpDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2027, 6, 1)));
        assertThat(tasks.getIdentityLinksForTask(reminder.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("natural-resources");
        assertThat(tasks.getTaskComments(reminder.getId())).hasSize(1)
                .allSatisfy(c -> assertThat(c.getFullMessage()).contains("还有30日").contains("第十五条"));

        TestCases.today("2027-05-30");
        watch.sweep();
        watch.sweep();
        assertThat(tasks.getIdentityLinksForTask(reminder.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources", "district-leaders");
        assertThat(tasks.getTaskComments(reminder.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).startsWith("提醒区政府领导").contains("还有2日"))
                .filteredOn(m -> m.contains("还有2日")).hasSize(2);

        TestCases.today("2027-06-02");
        watch.sweep();
        assertThat(reminders(caseNumber)).as("the window closed").isEmpty();
        assertThat(windows.of(caseNumber)).isEmpty();
    }

    @Test
    void theEnforcementWindowOpensWithThePerformancePeriodAndIsWatchedAfterTheArchive() {
        String caseNumber = lostAndEffective();
        String theCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult().getId();
        tasks.complete(walk.task(caseNumber, "WriteLossAnalysisTask").getId(), Map.of("lossFacts", "案情",
                "lossDecision", "撤销", "lossSuggestions", "整改", "faultSuspected", "false"));
        tasks.complete(walk.task(caseNumber, "ReadLossAnalysisTask").getId(),
                Map.of("lossAnalysisInstructions", "请整改。"));
        tasks.complete(walk.task(caseNumber, "FileLossAnalysisTask").getId(), Map.of("lossAnalysisFiled", true));
        // The judgment gave the other party until Thursday 2026-12-31 to perform: two years → 2028-12-31, a Sunday;
        // Monday 2029-01-01 is 元旦 (2029 counted provisionally), so the window ends Tuesday 2029-01-02.
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(), Map.of("ownPerformance", "PERFORMED",
                "followUp", "NONE", "performanceDeadline", "2026-12-31"));
        assertThat(String.valueOf(runtime.getVariable(theCase, "deadlines"))).contains("\"key\":\"enforcement\"");
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-W",
                "archivedOn", "2026-12-01"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(theCase).count()).isZero();

        assertThat(windows.of(caseNumber)).extracting(CaseWindows.Window::key).containsExactlyInAnyOrder("retrial",
                "enforcement");
        assertThat(windows.of(caseNumber)).filteredOn(w -> w.key().equals("enforcement")).singleElement()
                .satisfies(w -> assertThat(w.due()).isEqualTo(LocalDate.of(2029, 1, 2)));
        // The register shows the archived case's next deadline: the retrial window, which ends first.
        LocalDate retrialDue = windows.of(caseNumber).stream().filter(w -> w.key().equals("retrial")).findFirst()
                .orElseThrow().due();
        Map<?, ?> row = (Map<?, ?>) ((java.util.List<?>) rest.withBasicAuth("justice", "demo").getForObject(
                "/api/cases?status=CLOSED&q={n}", Map.class, caseNumber).get("items")).get(0);
        assertThat(row.get("statusLabel")).isEqualTo("已归档");
        assertThat(String.valueOf(((Map<?, ?>) row.get("nextDeadline")).get("due"))).isEqualTo(retrialDue.toString());
        assertThat(String.valueOf(((Map<?, ?>) row.get("nextDeadline")).get("item"))).contains("再审");

        TestCases.today("2028-12-31");
        watch.sweep();
        assertThat(reminders(caseNumber)).singleElement().satisfies(t -> {
            assertThat(t.getName()).contains("申请强制执行（法定期限）");
            assertThat(tasks.getIdentityLinksForTask(t.getId())).extracting(IdentityLink::getGroupId)
                    .contains("natural-resources", "district-leaders");
        });
    }
}
