package cn.shapotou.litigation.answer;

import static cn.shapotou.litigation.CaseWalk.agent;
import static cn.shapotou.litigation.CaseWalk.materials;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The answer's deadlines in every instance: the internal seven days (Art. 10 ¶2) never run past the statutory day
 * they serve (ALL Art. 67, 34), and a later instance has its own statutory day or none (法释〔2018〕1号 Art. 108),
 * never the first instance's. Dates are hand-counted in the comments.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class AnswerDeadlinesProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
    }

    private static LocalDate due(Task task) {
        return LegalClock.dateOf(task.getDueDate());
    }

    private String approvedOn(String day) {
        TestCases.today(day);
        Map<String, Object> data = TestCases.natresCase(); // complaint copy received Friday 2026-11-20
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        walk.filePapers(caseNumber, "natural-resources");
        return caseNumber;
    }

    private ProcessInstance theCase(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
    }

    private Map<String, Object> caseDeadline(String caseNumber, String key) {
        return CaseDeadlineVariable.find(CaseDeadlineVariable.parse((TypedValue) runtime.getVariableTyped(
                theCase(caseNumber).getId(), CaseDeadlineVariable.NAME, false)), key).orElseThrow();
    }

    /** A deadline as the answer stage holds it while it runs (the case gets it back when the stage ends). */
    private Map<String, Object> stageDeadline(String caseNumber, String key) {
        String stage = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("answer-preparation").singleResult().getId();
        return CaseDeadlineVariable.find(CaseDeadlineVariable.parse((TypedValue) runtime.getVariableTyped(
                stage, CaseDeadlineVariable.NAME, false)), key).orElseThrow();
    }

    private ResponseEntity<Map> document(String caseNumber, Map<String, Object> document) {
        return TestCases.courtDocument(rest, caseNumber, document);
    }

    private void prepareAndReview(String caseNumber) {
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
    }

    @Test
    void receivedTwelveDaysBeforeApprovalTheMaterialsAreDueOnTheStatutoryDayNotAfterIt() {
        // Statutory: 2026-11-20 + 15 = 12-05 (Sat) → Monday 12-07. Internal: approved 12-02 + 7 = 12-09 (Wed), later.
        String caseNumber = approvedOn("2026-12-02");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(due(prepare)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(due(walk.task(caseNumber, "AssignCounselTask"))).isEqualTo(LocalDate.of(2026, 12, 7));
        String text = (String) tasks.getVariable(prepare.getId(), "deadlineText");
        assertThat(text).contains("期限至2026年12月7日24时止：以法定期限为准").contains("早于内部期限2026年12月9日")
                .contains("第三十四条");
        Map<String, Object> materials = stageDeadline(caseNumber, "answerMaterials");
        assertThat(materials).containsEntry("due", "2026-12-07").containsEntry("periodDue", "2026-12-09")
                .containsEntry("limitedBy", "statutoryAnswer");

        prepareAndReview(caseNumber);
        assertThat(due(walk.task(caseNumber, "ReviewAnswerTask"))).isEqualTo(LocalDate.of(2026, 12, 7));
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        assertThat(due(walk.task(caseNumber, "SealAndDeliverTask"))).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void approvedEarlyTheSevenDaysComeFirstAndTheTaskSaysWhy() {
        // Approved Monday 11-23 + 7 = 11-30 (Mon), before the statutory 12-07.
        String caseNumber = approvedOn("2026-11-23");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(due(prepare)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat((String) tasks.getVariable(prepare.getId(), "deadlineText")).contains("该期限早于「法定答辩期限")
                .contains("以内部期限为准").doesNotContain("【");
        assertThat(tasks.getTaskComments(prepare.getId())).isEmpty();
    }

    @Test
    void aStageThatStartsWithTheStatutoryDayNearSaysSoOnTheTaskAtOnce() {
        // Approved Saturday 12-05: the statutory day, Monday 12-07, is two days away.
        String caseNumber = approvedOn("2026-12-05");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(due(prepare)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat((String) tasks.getVariable(prepare.getId(), "deadlineText")).startsWith("【紧急】");
        assertThat(tasks.getTaskComments(prepare.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).contains("仅剩2日"));
    }

    @Test
    void approvedAfterTheStatutoryDayTheTaskIsBornOverdueAndSaysSo() {
        // Approved 12-09: the statutory 12-07 has passed by two days; the task says so at once.
        String caseNumber = approvedOn("2026-12-09");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(due(prepare)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat((String) tasks.getVariable(prepare.getId(), "deadlineText")).startsWith("【已逾期】")
                .contains("已过2日");
    }

    /** First instance heard and won; the judgment of 2026-12-10 is appealed by us or by the plaintiff. */
    private String decidedAtFirstInstance() {
        String caseNumber = approvedOn("2026-11-23");
        TestCases.today("2026-11-26");
        walk.deliverAnswer(caseNumber, "2026-11-25");
        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-26", "hearingDate", "2026-11-30"));
        walk.holdHearing(caseNumber, false);
        TestCases.today("2026-12-11");
        document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "CLAIMS_DISMISSED",
                "receivedOn", "2026-12-10"));
        return caseNumber;
    }

    @Test
    void thePlaintiffAppealsAndOurSecondInstanceAnswerHasItsOwnFifteenDays() {
        String caseNumber = decidedAtFirstInstance();
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        TestCases.today("2026-12-16");
        // The appeal copy reached us Wednesday 12-16: 12-16 + 15 = 12-31 (Thu), a working day.
        document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-16"));
        assertThat(caseDeadline(caseNumber, "secondInstanceAnswer")).containsEntry("due", "2026-12-31")
                .containsEntry("kind", "SECOND_INSTANCE_ANSWER");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isEqualTo("2026-12-31");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "courtInstance")).isEqualTo("SECOND");

        // Internal: 12-16 + 7 = 12-23 (Wed), before the statutory 12-31.
        assertThat(due(walk.task(caseNumber, "PrepareAnswerTask"))).isEqualTo(LocalDate.of(2026, 12, 23));
        prepareAndReview(caseNumber);
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat(due(review)).as("the second instance's own day, not the first's 12-07")
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(review.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(tasks.getVariable(review.getId(), "deadlineKey")).isEqualTo("secondInstanceAnswer");
        tasks.complete(review.getId(), Map.of("reviewPassed", true));
        assertThat(due(walk.task(caseNumber, "SealAndDeliverTask"))).isEqualTo(LocalDate.of(2026, 12, 31));
        TestCases.today("2027-01-04");
        tasks.complete(walk.task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", "2027-01-04", "deliveryMethod", "IN_PERSON"));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isNull();
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "answerDeliveredLate")).isEqualTo(true);
        assertThat(String.valueOf(runtime.getVariable(theCase(caseNumber).getId(), "accountabilityFacts")))
                .contains("LATE_ANSWER");
    }

    @Test
    void thePlaintiffsAppealIsWatchedFromItsReceiptEvenWhileOurOpinionIsBeingDrafted() {
        String caseNumber = decidedAtFirstInstance();
        TestCases.today("2026-12-14");
        document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-14"));
        // 12-14 + 15 = 12-29 (Tue): watched although the case is still at the appeal opinion.
        assertThat(walk.task(caseNumber, "DraftAppealOpinionTask")).isNotNull();
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isEqualTo("2026-12-29");
    }

    @Test
    void whenOnlyWeAppealedThereIsNoStatutoryAnswerAndTheInternalDayCounts() {
        String caseNumber = decidedAtFirstInstance();
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(),
                Map.of("appealWanted", "true", "appealOpinion", "一审认定事实不清。"));
        tasks.complete(walk.task(caseNumber, "ReviewAppealOpinionTask").getId(),
                Map.of("appealRecommended", "true", "appealReviewOpinion", "同意上诉。"));
        tasks.complete(walk.task(caseNumber, "DecideAppealTask").getId(), Map.of("appealApproved", "true"));
        TestCases.today("2026-12-14");
        tasks.complete(walk.task(caseNumber, "FileAppealTask").getId(), Map.of("appealFiledOn", "2026-12-14"));

        // 12-14 + 7 = 12-21 (Mon); review and sealing by the same day, none born overdue.
        assertThat(due(walk.task(caseNumber, "PrepareAnswerTask"))).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isNull();
        prepareAndReview(caseNumber);
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat(due(review)).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(tasks.getVariable(review.getId(), "deadlineKey")).isEqualTo("answerMaterials");
        tasks.complete(review.getId(), Map.of("reviewPassed", true));
        TestCases.today("2026-12-22");
        tasks.complete(walk.task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", "2026-12-22", "deliveryMethod", "IN_PERSON"));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "answerDeliveredLate"))
                .as("no statutory answer day in our own appeal").isEqualTo(false);
    }
}
