package cn.shapotou.litigation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the court sends is registered whenever it comes: a retrial on the other party's application or on a
 * procuratorate's protest (ALL Art. 90–93) opens a retrial instance — answer and appearance again — whatever the case
 * was doing after its decision took effect, and reopens an archived case.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class RetrialOrderProcessTest {

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
        TestCases.today("2026-12-01");
    }

    private ResponseEntity<Map> document(String caseNumber, Map<String, Object> document) {
        return TestCases.courtDocument(rest, caseNumber, document);
    }

    private Map<String, Object> view(String caseNumber) {
        return rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber);
    }

    private ProcessInstance theCase(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
    }

    /** Suit dismissed at first instance (ruling 2026-11-27), not appealed, effective 2026-11-30, waiting for the follow-up. */
    private String effectiveCase() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        document(caseNumber, Map.of("kind", "RULING", "instance", "FIRST", "outcome", "SUIT_DISMISSED",
                "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01", "effectiveOn", "2026-11-30"));
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask");
        return caseNumber;
    }

    private void archive(String caseNumber) {
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-R",
                "archivedOn", LegalClock.dateOf(ClockUtil.getCurrentTime()).toString()));
    }

    @Test
    void aProtestAfterTheArchiveReopensTheCaseForAnswerAndAppearanceAgain() {
        String caseNumber = effectiveCase();
        archive(caseNumber);
        assertThat(view(caseNumber)).containsEntry("status", "CLOSED");

        TestCases.today("2027-03-02");
        ResponseEntity<Map> protest = document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn", "2027-03-01",
                "initiatedBy", "PROCURATORATE", "summary", "中卫市人民检察院提出抗诉，法院裁定再审"));
        assertThat(protest.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(protest.getBody()).containsEntry("correlated", true);

        ProcessInstance reopened = theCase(caseNumber);
        assertThat(reopened).isWaitingAt("AnswerPreparationCallActivity");
        assertThat(runtime.getVariables(reopened.getId())).containsEntry("courtInstance", "RETRIAL")
                .containsEntry("retrialInitiatedBy", "PROCURATORATE").containsEntry("leadUnit", "natural-resources")
                .containsEntry("plaintiff", "张某某").doesNotContainKey("closedOn");
        assertThat(view(caseNumber)).containsEntry("status", "OPEN");
        // The retrial's answer is counted from the order's receipt: 2027-03-01 (Mon) + 7 = 03-08 (Mon).
        var prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(LegalClock.dateOf(prepare.getDueDate())).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(tasks.getIdentityLinksForTask(prepare.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources");
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}", Map.class, caseNumber)
                .getStatusCode()).as("the unit still sees its reopened case").isEqualTo(HttpStatus.OK);

        assertThat(document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2027-03-02",
                "hearingDate", "2027-03-20")).getBody()).containsEntry("correlated", true);
        assertThat(LegalClock.dateOf(walk.task(caseNumber, "PlanAppearanceTask").getDueDate()))
                .isEqualTo(LocalDate.of(2027, 3, 19));
        assertThat(document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "RETRIAL", "outcome",
                "CLAIMS_DISMISSED", "receivedOn", "2027-03-02")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        archive(caseNumber);
        assertThat(view(caseNumber)).containsEntry("status", "CLOSED");
        List<Map<String, Object>> documents = rest.withBasicAuth("office", "demo")
                .getForObject("/api/cases/{n}/documents", List.class, caseNumber);
        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("RULING", "EFFECTIVE", "RETRIAL_ORDER",
                "HEARING_NOTICE", "JUDGMENT");
    }

    @Test
    void theOtherPartysRetrialApplicationTakesTheCaseFromItsFollowUpBeforeTheCourtAgain() {
        String caseNumber = effectiveCase();
        ProcessInstance before = theCase(caseNumber);
        TestCases.today("2026-12-10");
        assertThat(document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn", "2026-12-10",
                "initiatedBy", "OTHER_PARTY")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(theCase(caseNumber).getId()).isEqualTo(before.getId());
        assertThat(walk.tasks(caseNumber, "FollowUpTask")).isEmpty();
        assertThat(theCase(caseNumber)).isWaitingAt("AnswerPreparationCallActivity");
        // 2026-12-10 (Thu) + 7 = 12-17 (Thu); no statutory day of the first instance is inherited.
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).singleElement()
                .satisfies(t -> assertThat(LegalClock.dateOf(t.getDueDate())).isEqualTo(LocalDate.of(2026, 12, 17)));
        assertThat(runtime.getVariable(before.getId(), "statutoryAnswerDue")).isNull();
    }

    @Test
    void fromTheDayOfEffectTheRetrialWindowRunsAndTheFollowUpIsDueAndComesBackWhilePerformanceIsUnderWay() {
        String caseNumber = effectiveCase();
        // Effective Monday 2026-11-30: follow-up report 11-30 + 15 = 12-15 (Tue); the retrial window six months,
        // 2027-05-30 (Sun) → Monday 2027-05-31, a case deadline from today whatever the unit chooses.
        var followUp = walk.task(caseNumber, "FollowUpTask");
        assertThat(LegalClock.dateOf(followUp.getDueDate())).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(tasks.getVariable(followUp.getId(), "deadlineKey")).isEqualTo("followUp");
        assertThat(String.valueOf(runtime.getVariable(theCase(caseNumber).getId(), "deadlines")))
                .contains("\"key\":\"retrial\"").contains("2027-05-31");
        Map<String, Object> caseView = view(caseNumber);
        assertThat(caseView.get("deadlines").toString()).contains("申请再审（法定期限）");

        tasks.complete(followUp.getId(), Map.of("ownPerformance", "IN_PROGRESS", "followUp", "NONE",
                "followUpNotes", "正在重新作出行政行为"));
        assertThat(theCase(caseNumber)).isWaitingAt("PerformanceCheckTimer");
        var timer = engine.getManagementService().createJobQuery().processInstanceId(theCase(caseNumber).getId())
                .timers().singleResult();
        // 30 days, counted as a legal period: 2026-12-01 + 30 = 12-31 (Thu).
        assertThat(LegalClock.dateOf(timer.getDuedate())).isEqualTo(LocalDate.of(2026, 12, 31));
        TestCases.today("2026-12-31");
        engine.getManagementService().executeJob(timer.getId());
        var again = walk.task(caseNumber, "FollowUpTask");
        // The next report: 12-31 + 15 = 2027-01-15 (Fri).
        assertThat(LegalClock.dateOf(again.getDueDate())).isEqualTo(LocalDate.of(2027, 1, 15));
        tasks.complete(again.getId(), Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        assertThat(theCase(caseNumber)).isWaitingAt("ArchiveTask");
    }

    @Test
    void theStepsTheCodeReopensOrSparesAreStepsOfTheCaseProcess() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("litigation-case").latestVersion().singleResult();
        var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        for (String id : List.of(RetrialOrder.INSTANCE_SCOPE, RetrialOrder.HEARING_SCOPE,
                EnforcementRequest.ENFORCEMENT_STAGE)) {
            assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
        }
    }

    @Test
    void aRetrialOrderBeforeAnyDecisionTookEffectAndPapersOfAnArchivedCaseAreRefused() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        ResponseEntity<Map> early = document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn", "2026-11-30",
                "initiatedBy", "OTHER_PARTY"));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().toString()).contains("尚无发生法律效力的裁判");
        ResponseEntity<Map> noInitiator = document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn",
                "2026-11-30"));
        assertThat(noInitiator.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noInitiator.getBody().toString()).contains("initiatedBy");

        String archived = effectiveCase();
        archive(archived);
        ResponseEntity<Map> hearing = document(archived, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-12-01",
                "hearingDate", "2026-12-20"));
        assertThat(hearing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(hearing.getBody().toString()).contains("请先登记再审裁定");
        assertThat(view(archived)).containsEntry("status", "CLOSED");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> decisions(String caseNumber) {
        return (List<Map<String, Object>>) cn.shapotou.litigation.web.FormValues.list(
                runtime.getVariable(theCase(caseNumber).getId(), "decisions"));
    }

    @Test
    void aRetrialThatDismissesTheRequestLeavesTheEffectiveDecisionAndItsResult() {
        String caseNumber = effectiveCase();
        TestCases.today("2026-12-10");
        document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn", "2026-12-10", "initiatedBy", "OTHER_PARTY"));
        TestCases.today("2026-12-21");
        ResponseEntity<Map> appealWords = document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "RETRIAL",
                "outcome", "APPEAL_DISMISSED", "receivedOn", "2026-12-21"));
        assertThat(appealWords.getStatusCode()).as("a retrial has no appeal to dismiss").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(appealWords.getBody().toString()).contains("再审裁判", "驳回再审请求，维持原判");
        assertThat(document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "RETRIAL", "outcome",
                "RETRIAL_DISMISSED", "receivedOn", "2026-12-21")).getBody()).containsEntry("correlated", true);
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask").hasNotPassed("LossAnalysisCallActivity");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "effectiveLoss")).isEqualTo(false);
        assertThat(decisions(caseNumber)).extracting(d -> d.get("instance") + " " + d.get("outcome") + " "
                + d.get("loss") + " " + d.get("effectiveOn")).containsExactly("FIRST SUIT_DISMISSED false 2026-11-30",
                "RETRIAL RETRIAL_DISMISSED false 2026-12-21");
    }

    @Test
    void aRetrialThatRemandsSendsTheCaseBackToTheInstanceWhoseDecisionWasSetAside() {
        String caseNumber = effectiveCase();
        TestCases.today("2026-12-10");
        document(caseNumber, Map.of("kind", "RETRIAL_ORDER", "receivedOn", "2026-12-10", "initiatedBy", "COURT"));
        TestCases.today("2026-12-21");
        assertThat(document(caseNumber, Map.of("kind", "RULING", "instance", "RETRIAL", "outcome", "REMANDED",
                "receivedOn", "2026-12-21")).getBody()).containsEntry("correlated", true);
        ProcessInstance theCase = theCase(caseNumber);
        assertThat(theCase).isWaitingAt("AnswerPreparationCallActivity");
        assertThat(runtime.getVariable(theCase.getId(), "effectiveOn")).as("set aside: nothing in effect").isNull();
        assertThat(runtime.getVariable(theCase.getId(), "effectiveLoss")).isEqualTo(false);
        assertThat(runtime.getVariable(theCase.getId(), "courtInstance")).as("the first instance's ruling was set aside")
                .isEqualTo("FIRST");
        // 2026-12-21 (Mon) + 7 = 12-28 (Mon).
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).singleElement()
                .satisfies(t -> assertThat(LegalClock.dateOf(t.getDueDate())).isEqualTo(LocalDate.of(2026, 12, 28)));
        assertThat(decisions(caseNumber)).last().satisfies(d -> assertThat(d).containsEntry("outcome", "REMANDED")
                .containsEntry("loss", false).containsEntry("effectiveOn", null));
    }
}
