package cn.shapotou.litigation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What follows the court's decision (Art. 12–18, 22, 25): every path of {@code appeal-opinion}, {@code loss-analysis},
 * {@code retrial}, {@code enforcement}, {@code judicial-recommendation} and of {@code litigation-case} from the hearing
 * to the archive. Every deadline is checked against a date counted by hand with the 2026 calendar (src/docs/deadlines.md).
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings({"unchecked", "rawtypes"})
class AfterDecisionProcessTest {

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

    /** A case heard at first instance: answer delivered on 2026-11-25, hearing on 2026-11-30. */
    private String heardCase(Map<String, Object> changes, boolean head) {
        Map<String, Object> data = TestCases.natresCase();
        data.putAll(changes);
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, "2026-11-25");
        assertThat(document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-26",
                "hearingDate", "2026-11-30")).getBody()).containsEntry("correlated", true);
        walk.holdHearing(caseNumber, head);
        assertThat(theCase(caseNumber)).isWaitingAt("DecisionReceivedEvent");
        return caseNumber;
    }

    private ResponseEntity<Map> document(String caseNumber, Map<String, Object> document) {
        return TestCases.courtDocument(rest, caseNumber, document);
    }

    private ResponseEntity<Map> decision(String caseNumber, String kind, String instance, String outcome, String on) {
        return document(caseNumber, Map.of("kind", kind, "instance", instance, "outcome", outcome, "receivedOn", on));
    }

    private ProcessInstance theCase(String caseNumber) {
        return stage(caseNumber, "litigation-case");
    }

    private ProcessInstance stage(String caseNumber, String key) {
        List<ProcessInstance> found = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(key).list();
        assertThat(found).as("open " + key).hasSize(1);
        return found.get(0);
    }

    private String historicStage(String caseNumber, String key) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(key).orderByProcessInstanceStartTime().desc().list().get(0).getId();
    }

    private static LocalDate due(Task task) {
        return LegalClock.dateOf(task.getDueDate());
    }

    private String deadlineDue(String processInstanceId, String key) {
        return (String) CaseDeadlineVariable.find(CaseDeadlineVariable.parse(
                        (org.camunda.bpm.engine.variable.value.TypedValue) runtime.getVariableTyped(processInstanceId,
                        CaseDeadlineVariable.NAME, false)), key)
                .orElseThrow().get("due");
    }

    private void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
        tasks.complete(walk.task(caseNumber, taskKey).getId(), variables);
    }

    private void archive(String caseNumber) {
        complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "沙司应诉-2026-" + caseNumber.hashCode(),
                "archivedOn", LegalClock.dateOf(ClockUtil.getCurrentTime()).toString()));
    }

    private void followUpNone(String caseNumber) {
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
    }

    private void lossAnalysis(String caseNumber, Map<String, Object> extra) {
        lossAnalysis(caseNumber, extra, Map.of());
    }

    /** The unit's report ({@code extra}), the leaders' instructions, the Justice Bureau's filing ({@code finding}). */
    private void lossAnalysis(String caseNumber, Map<String, Object> extra, Map<String, Object> finding) {
        Map<String, Object> report = new HashMap<>(Map.of("lossFacts", "原告不服土地行政处罚决定提起诉讼。",
                "lossDecision", "撤销被诉处罚决定", "lossSuggestions", "加强执法程序审核，整改告知环节。",
                "faultSuspected", "false"));
        report.putAll(extra);
        complete(caseNumber, "WriteLossAnalysisTask", report);
        complete(caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "请承办单位抓紧整改。"));
        Map<String, Object> filing = new HashMap<>(Map.of("lossAnalysisFiled", true));
        filing.putAll(finding);
        complete(caseNumber, "FileLossAnalysisTask", filing);
    }

    private Map<String, Object> view(String user, String caseNumber) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/cases/{n}", Map.class, caseNumber);
    }

    @Test
    void wonAtFirstInstanceNotAppealedTakesEffectAndIsArchived() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        ResponseEntity<Map> judgment = decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-10");
        assertThat(judgment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(judgment.getBody()).containsEntry("correlated", true);

        ProcessInstance appeal = stage(caseNumber, "appeal-opinion");
        assertThat(appeal).isWaitingAt("DraftAppealOpinionTask");
        Task draft = walk.task(caseNumber, "DraftAppealOpinionTask");
        // 2026-12-10 (Thu) + 5 days = 12-15 (Tue); + 15 days = 12-25 (Fri): no rest day moves either (Art. 13, ALL Art. 85).
        assertThat(due(draft)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(deadlineDue(appeal.getId(), "appealOpinion")).isEqualTo("2026-12-15");
        assertThat(deadlineDue(appeal.getId(), "appealJudgment")).isEqualTo("2026-12-25");
        assertThat(tasks.getVariable(draft.getId(), "decisionTitle")).isEqualTo("第一审判决书");
        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("appealWanted", "")))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("appealWanted"));
        tasks.complete(draft.getId(), Map.of("appealWanted", "false"));
        assertThat(appeal).isEnded().hasPassed("NoAppealEndEvent");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(CourtDecision.EFFECTIVE_MESSAGE).count()).isEqualTo(1);

        TestCases.today("2026-12-29");
        assertThat(document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-29",
                "effectiveOn", "2026-12-26")).getBody()).containsEntry("correlated", true);
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask");
        followUpNone(caseNumber);
        assertThatThrownBy(() -> complete(caseNumber, "ArchiveTask", Map.of("archivedOn", "2027-02-01")))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("archiveNumber"))
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("archivedOn"));
        ProcessInstance theCase = theCase(caseNumber);
        archive(caseNumber);
        assertThat(theCase).isEnded().hasPassed("CaseClosedEndEvent").hasNotPassed("LossAnalysisCallActivity");

        Map<String, Object> closed = view("natres", caseNumber);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("effectiveOn", "2026-12-26")
                .containsEntry("closedOn", "2026-12-29");
        assertThat((List<?>) closed.get("decisions")).hasSize(1);
        assertThat(decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-29").getStatusCode())
                .as("an archived case takes no more decisions").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void lostAppealRefusedTakesEffectDuringTheOpinionAndNeedsTheLossAnalysis() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-11-30");
        decision(caseNumber, "JUDGMENT", "FIRST", "COMPENSATION", "2026-11-25");
        // 2026-11-25 (Wed) + 5 = 11-30 (Mon).
        assertThat(due(walk.task(caseNumber, "DraftAppealOpinionTask"))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", true)))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("appealOpinion"));
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", true,
                "appealOpinion", "一审认定赔偿数额的事实不清。"));
        Task review = walk.task(caseNumber, "ReviewAppealOpinionTask");
        assertThat(due(review)).as("the statutory appeal deadline").isEqualTo(LocalDate.of(2026, 12, 10));
        tasks.complete(review.getId(), Map.of("appealRecommended", "false", "appealReviewOpinion", "上诉理由不充分。"));
        ProcessInstance appeal = stage(caseNumber, "appeal-opinion");

        TestCases.today("2026-12-14");
        ResponseEntity<Map> effective = document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-14",
                "effectiveOn", "2026-12-12"));
        assertThat(effective.getBody()).as("the case is not waiting for it yet").containsEntry("correlated", false);
        Task decide = walk.task(caseNumber, "DecideAppealTask");
        assertThat(tasks.getTaskComments(decide.getId())).as("shown to those working on the case")
                .anySatisfy(c -> assertThat(c.getFullMessage()).contains("生效证明"));
        tasks.complete(decide.getId(), Map.of("appealApproved", "false", "appealDecisionRemarks", "不上诉。"));
        assertThat(appeal).isEnded().hasPassed("NoAppealEndEvent").hasNotPassed("FileAppealTask");

        ProcessInstance loss = stage(caseNumber, "loss-analysis");
        assertThat(loss).isWaitingAt("WriteLossAnalysisTask");
        // Effective 2026-12-12 (Sat) + 15 = 12-27 (Sun), a rest day: due Monday 12-28 (Art. 12).
        assertThat(due(walk.task(caseNumber, "WriteLossAnalysisTask"))).isEqualTo(LocalDate.of(2026, 12, 28));
        Map<String, Object> withoutAmount = Map.of("lossFacts", "事实", "lossDecision", "行政赔偿",
                "lossSuggestions", "整改", "faultSuspected", "true");
        assertThatThrownBy(() -> complete(caseNumber, "WriteLossAnalysisTask", withoutAmount))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("compensationAmount"));
        lossAnalysis(caseNumber, Map.of("compensationAmount", "35000.50", "faultSuspected", "true"),
                Map.of("faultFound", true, "faultDirectlyResponsible", "张某（执法大队队长）",
                        "faultReasons", "赔偿数额认定所依据的评估报告未经复核。"));
        assertThat(loss).isEnded();

        assertThatThrownBy(() -> complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "REFUSED",
                "followUp", "NONE"))).isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("followUpNotes"));
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "REFUSED", "followUp", "NONE",
                "followUpNotes", "承办单位以财政资金未到位为由拒不支付赔偿金。"));
        archive(caseNumber);

        Map<String, Object> closed = view("justice", caseNumber);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("compensationAmount", "35000.50")
                .containsEntry("lossAnalysisSubmittedOn", "2026-12-14");
        assertThat(closed.get("accountabilityFacts").toString()).contains("LOSS_BY_FAULT", "REFUSED_TO_PERFORM");
    }

    @Test
    void lostAppealedAndLostAgainAtSecondInstance() {
        String caseNumber = heardCase(Map.of("appearanceCategories", List.of(1)), true);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "REVOKED", "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", "true", "appealOpinion", "一审适用法律错误。"));
        complete(caseNumber, "ReviewAppealOpinionTask", Map.of("appealRecommended", "true", "appealReviewOpinion", "同意上诉。"));
        complete(caseNumber, "DecideAppealTask", Map.of("appealApproved", "true"));
        Task file = walk.task(caseNumber, "FileAppealTask");
        assertThat(due(file)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThatThrownBy(() -> tasks.complete(file.getId(), Map.of("appealFiledOn", "2026-12-12")))
                .as("not in the future").isInstanceOf(FormFieldValidationException.class)
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("appealFiledOn"));
        TestCases.today("2026-12-14");
        tasks.complete(file.getId(), Map.of("appealFiledOn", "2026-12-14"));

        // Second instance, same lead unit (Art. 14): the answer is due 7 days after the appeal, 12-21 (Mon).
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "courtInstance")).isEqualTo("SECOND");
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).singleElement()
                .satisfies(t -> assertThat(due(t)).isEqualTo(LocalDate.of(2026, 12, 21)))
                .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("PrepareAnswerTask"));
        TestCases.today("2026-12-18");
        walk.deliverAnswer(caseNumber, "2026-12-18");
        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-12-18", "hearingDate", "2026-12-24"));
        assertThat(tasks.getVariable(walk.task(caseNumber, "PlanAppearanceTask").getId(), "headAppearanceRequired"))
                .as("Art. 7 ¶2 names first-instance cases").isEqualTo(false);
        walk.holdHearing(caseNumber, false);
        assertThat(String.valueOf(runtime.getVariable(theCase(caseNumber).getId(), "accountabilityFacts")))
                .doesNotContain("HEAD_ABSENT_WHEN_REQUIRED");

        TestCases.today("2026-12-28");
        decision(caseNumber, "JUDGMENT", "SECOND", "REVOKED", "2026-12-28");
        // A second-instance judgment takes effect when served: 12-28 + 15 = 2027-01-12 (Tue; 2027 calendar not published).
        Task write = walk.task(caseNumber, "WriteLossAnalysisTask");
        assertThat(due(write)).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(tasks.getVariable(write.getId(), "deadlineText").toString()).contains("2027");
        lossAnalysis(caseNumber, Map.of());
        followUpNone(caseNumber);
        archive(caseNumber);
        Map<String, Object> closed = view("justice", caseNumber);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("appealFiledOn", "2026-12-14");
        assertThat(((List<Map<String, Object>>) closed.get("decisions")).stream().map(d -> d.get("instance")))
                .containsExactly("FIRST", "SECOND");
    }

    /** Won at first instance, not appealed, and the court sends nothing: the case must not wait unseen. */
    private String waitingAfterTheAppealPeriod() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        org.camunda.bpm.engine.runtime.Job timer = engine.getManagementService().createJobQuery()
                .processInstanceId(theCase(caseNumber).getId()).timers().singleResult();
        // The appeal period of a judgment served on 2026-12-10 ends with 2026-12-25 (ALL Art. 85).
        assertThat(timer.getDuedate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 25)));
        TestCases.today("2026-12-28");
        engine.getManagementService().executeJob(timer.getId());
        assertThat(theCase(caseNumber)).isWaitingAt("ConfirmEffectTask");
        assertThat(tasks.getIdentityLinksForTask(walk.task(caseNumber, "ConfirmEffectTask").getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("district-office"));
        return caseNumber;
    }

    @Test
    void whenTheAppealPeriodEndsUnheardTheOfficeConfirmsTheDecisionTookEffect() {
        String caseNumber = waitingAfterTheAppealPeriod();
        assertThatThrownBy(() -> complete(caseNumber, "ConfirmEffectTask", Map.of("effectStatus", "EFFECTIVE")))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("effectiveOn"));
        complete(caseNumber, "ConfirmEffectTask", Map.of("effectStatus", "EFFECTIVE", "effectiveOn", "2026-12-26",
                "effectCheckNotes", "电话询问区法院立案庭，原告未上诉。"));
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "effectiveOn")).isEqualTo("2026-12-26");
    }

    @Test
    void whenTheAppealPeriodEndsUnheardTheOfficeMayFindThePlaintiffAppealed() {
        String caseNumber = waitingAfterTheAppealPeriod();
        complete(caseNumber, "ConfirmEffectTask", Map.of("effectStatus", "APPEALED", "plaintiffAppealedOn", "2026-12-27"));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "courtInstance")).isEqualTo("SECOND");
        // 2026-12-27 (Sun) + 7 = 2027-01-03 (Sun; 2027 not yet published: statutory holidays and weekends): Monday 2027-01-04.
        assertThat(due(walk.task(caseNumber, "PrepareAnswerTask"))).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(decision(caseNumber, "JUDGMENT", "SECOND", "CLAIMS_DISMISSED", "2026-12-28").getStatusCode())
                .as("the confirmed appeal counts").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void thePlaintiffAppealsAndWeWinAtSecondInstanceBeforeTheHearing() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));

        TestCases.today("2026-12-18");
        assertThat(document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-18")).getBody())
                .containsEntry("correlated", true);
        // 2026-12-18 (Fri) + 7 = 12-25 (Fri).
        assertThat(due(walk.task(caseNumber, "PrepareAnswerTask"))).isEqualTo(LocalDate.of(2026, 12, 25));
        ProcessInstance answer = stage(caseNumber, "answer-preparation");

        TestCases.today("2026-12-22");
        assertThat(decision(caseNumber, "JUDGMENT", "SECOND", "CLAIMS_DISMISSED", "2026-12-22").getBody())
                .containsEntry("correlated", true);
        assertThat(answer).isEnded();
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).isEmpty();
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask")
                .hasPassed("DecisionDuringInstanceEvent").hasNotPassed("LossAnalysisCallActivity");
        followUpNone(caseNumber);
        archive(caseNumber);
        assertThat(view("natres", caseNumber)).containsEntry("status", "CLOSED")
                .containsEntry("plaintiffAppealedOn", "2026-12-18");
    }

    @Test
    void aSecondInstanceRulingThatArrivesDuringTheAppealOpinionIsTakenUpAfterIt() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "RULING", "FIRST", "SUIT_DISMISSED", "2026-12-10");
        // A ruling: 10 days, 2026-12-20 is a Sunday: due 12-21 (ALL Art. 85).
        assertThat(deadlineDue(stage(caseNumber, "appeal-opinion").getId(), "appealRuling")).isEqualTo("2026-12-21");
        TestCases.today("2026-12-18");
        assertThat(decision(caseNumber, "RULING", "SECOND", "SUIT_DISMISSED", "2026-12-18").getStatusCode())
                .as("no appeal yet").isEqualTo(HttpStatus.CONFLICT);
        assertThat(document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-14")).getBody())
                .containsEntry("correlated", false);
        assertThat(decision(caseNumber, "RULING", "SECOND", "SUIT_DISMISSED", "2026-12-18").getBody())
                .containsEntry("correlated", false);
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask").hasPassed("AppealedGateway")
                .hasNotPassed("EffectiveKnownGateway");
    }

    /**
     * A suit withdrawn while the proposal is drafted: the ruling ends the intake, the answer item goes with it. A ruling
     * that grants a withdrawal cannot be appealed (法释〔2018〕1号第一百零一条第二款): no appeal opinion, effective when
     * served on 2026-11-27.
     */
    private String withdrawnAndEffective() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isNotNull();
        decision(caseNumber, "RULING", "FIRST", "WITHDRAWN", "2026-11-27");
        assertThat(theCase(caseNumber)).hasPassed("DecisionDuringIntakeEvent", "LossGateway")
                .hasNotPassed("AppealOpinionCallActivity", "LossAnalysisCallActivity").isWaitingAt("FollowUpTask");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "statutoryAnswerDue")).isNull();
        assertThat(walk.tasks(caseNumber, "DraftHandlingProposalTask")).isEmpty();
        return caseNumber;
    }

    @Test
    void aWithdrawalRulingAsksForNoAppealOpinionAndTakesEffectWhenServed() {
        String caseNumber = withdrawnAndEffective();
        assertThat(walk.tasks(caseNumber, "DraftAppealOpinionTask")).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("appeal-opinion").count()).isZero();
        String id = theCase(caseNumber).getId();
        assertThat(runtime.getVariable(id, "effectiveOn")).isEqualTo("2026-11-27");
        assertThat(runtime.getVariable(id, "effectiveLoss")).isEqualTo(false);
        // The court's certificate of effect may still come: recorded, the day of effect stays the day of service.
        assertThat(document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01", "effectiveOn",
                "2026-12-01")).getBody()).containsEntry("correlated", false);
        assertThat(runtime.getVariable(id, "effectiveOn")).isEqualTo("2026-11-27");
        assertThat(decisions(caseNumber)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("outcome", "WITHDRAWN").containsEntry("loss", false)
                .containsEntry("effectiveOn", "2026-11-27"));
        // Whoever finds the ruling wrong asks for a retrial of it (Art. 15): the follow-up offers it.
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "RETRIAL"));
        assertThat(walk.task(caseNumber, "ProposeRetrialTask")).isNotNull();
    }

    private List<Map<String, Object>> decisions(String caseNumber) {
        return (List<Map<String, Object>>) cn.shapotou.litigation.web.FormValues.list(
                runtime.getVariable(theCase(caseNumber).getId(), "decisions"));
    }

    @Test
    void aRetrialApprovedAndFiledGoesBeforeTheCourtAgain() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-11-30");
        decision(caseNumber, "JUDGMENT", "FIRST", "ILLEGAL", "2026-11-27");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2026-12-14");
        assertThat(decision(caseNumber, "JUDGMENT", "RETRIAL", "CLAIMS_DISMISSED", "2026-12-14").getStatusCode())
                .as("no retrial applied for").isEqualTo(HttpStatus.CONFLICT);
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-14", "effectiveOn", "2026-12-12"));
        lossAnalysis(caseNumber, Map.of());
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "RETRIAL"));

        ProcessInstance retrial = stage(caseNumber, "retrial");
        Task propose = walk.task(caseNumber, "ProposeRetrialTask");
        // 6 months from 2026-12-12 = 2027-06-12 (Sat); no 2027 calendar yet (端午 2027 is 06-09): Monday 2027-06-14.
        assertThat(due(propose)).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(tasks.getVariable(propose.getId(), "deadlineText").toString()).contains("2027");
        tasks.complete(propose.getId(), Map.of("retrialReasons", "生效判决认定事实的主要证据系伪造。"));
        complete(caseNumber, "ApproveRetrialTask", Map.of("retrialApproved", "true"));
        TestCases.today("2026-12-20");
        complete(caseNumber, "FileRetrialTask", Map.of("retrialFiledOn", "2026-12-20"));
        assertThat(retrial).isEnded().hasPassed("RetrialFiledEndEvent");

        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "courtInstance")).isEqualTo("RETRIAL");
        // 2026-12-20 (Sun) + 7 = 12-27 (Sun): due Monday 12-28.
        assertThat(due(walk.task(caseNumber, "PrepareAnswerTask"))).isEqualTo(LocalDate.of(2026, 12, 28));
        TestCases.today("2026-12-28");
        decision(caseNumber, "JUDGMENT", "RETRIAL", "CLAIMS_DISMISSED", "2026-12-28");
        followUpNone(caseNumber);
        archive(caseNumber);
        assertThat(view("justice", caseNumber)).containsEntry("status", "CLOSED")
                .containsEntry("retrialFiledOn", "2026-12-20");
    }

    @Test
    void aRetrialTheLeadersDoNotApproveEndsInTheArchive() {
        String caseNumber = withdrawnAndEffective();
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "RETRIAL"));
        complete(caseNumber, "ProposeRetrialTask", Map.of("retrialReasons", "理由"));
        complete(caseNumber, "ApproveRetrialTask", Map.of("retrialApproved", "false"));
        assertThat(historicStage(caseNumber, "retrial")).isNotNull();
        assertThat(theCase(caseNumber)).isWaitingAt("ArchiveTask").hasPassed("RetrialFiledGateway")
                .hasNotPassed("InstanceSubProcess");
    }

    @Test
    void enforcementAgainstAPartyThatDoesNotPerform() {
        String caseNumber = withdrawnAndEffective();
        assertThatThrownBy(() -> complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE",
                "followUp", "ENFORCEMENT"))).isInstanceOf(FormFieldValidationException.class)
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("performanceDeadline"));
        assertThatThrownBy(() -> complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE",
                "followUp", "ENFORCEMENT", "performanceDeadline", "2026-12-25")))
                .as("the period to perform has not ended: nobody has refused yet")
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("履行期间尚未届满");
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "ENFORCEMENT",
                "performanceDeadline", "2026-11-30"));
        Task propose = walk.task(caseNumber, "ProposeEnforcementTask");
        // 2 years from the last day of performance 2026-11-30 = 2028-11-30 (Thursday; 2028 counted provisionally).
        assertThat(due(propose)).isEqualTo(LocalDate.of(2028, 11, 30));
        tasks.complete(propose.getId(), Map.of("nonPerformingParty", "张某某", "enforcementProposal", "原告逾期未缴纳罚款。"));
        complete(caseNumber, "ApproveEnforcementTask", Map.of("enforcementApproved", "true"));
        complete(caseNumber, "ApplyEnforcementTask", Map.of("enforcementAppliedOn", "2026-12-01"));
        assertThat(theCase(caseNumber)).isWaitingAt("ArchiveTask");
        archive(caseNumber);
        assertThat(view("justice", caseNumber)).containsEntry("status", "CLOSED")
                .containsEntry("enforcementAppliedOn", "2026-12-01");
    }

    @Test
    void enforcementTheLeadersDoNotApproveEndsInTheArchive() {
        String caseNumber = withdrawnAndEffective();
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "ENFORCEMENT",
                "performanceDeadline", "2026-11-30"));
        complete(caseNumber, "ProposeEnforcementTask", Map.of("nonPerformingParty", "张某某", "enforcementProposal", "建议"));
        complete(caseNumber, "ApproveEnforcementTask", Map.of("enforcementApproved", "false"));
        assertThat(theCase(caseNumber)).isWaitingAt("ArchiveTask");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(historicStage(caseNumber, "enforcement")).activityId("NoEnforcementEndEvent")
                .count()).isEqualTo(1);
    }

    @Test
    void aJudicialRecommendationAfterTheCaseWasArchivedIsAnsweredWithTheLeadersApproval() {
        String caseNumber = withdrawnAndEffective();
        followUpNone(caseNumber);
        archive(caseNumber);
        assertThat(view("natres", caseNumber)).containsEntry("status", "CLOSED");

        ResponseEntity<Map> recommendation = document(caseNumber, Map.of("kind", "JUDICIAL_RECOMMENDATION",
                "receivedOn", "2026-12-01", "replyDueOn", "2027-01-15", "summary", "建议规范土地行政处罚听证告知程序。"));
        assertThat(recommendation.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recommendation.getBody()).containsEntry("correlated", true);
        ProcessInstance reply = stage(caseNumber, "judicial-recommendation");
        assertThat(reply.getBusinessKey()).isEqualTo(caseNumber);
        Task draft = walk.task(caseNumber, "DraftReplyTask");
        assertThat(due(draft)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(tasks.getIdentityLinksForTask(draft.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("natural-resources"));
        assertThat(view("natres", caseNumber)).containsEntry("status", "CLOSED")
                .satisfies(v -> assertThat((List<Object>) v.get("stages")).contains("judicial-recommendation"));

        tasks.complete(draft.getId(), Map.of("recommendationReply", "已组织全局执法人员学习听证程序规定。"));
        assertThatThrownBy(() -> complete(caseNumber, "ApproveReplyTask", Map.of("replyApproved", "false")))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("replyApprovalRemarks"));
        complete(caseNumber, "ApproveReplyTask", Map.of("replyApproved", "false", "replyApprovalRemarks", "补充整改时限。"));
        // Art. 17: the unit sees why its reply came back and what it had written; the leader, in the next round, too.
        assertThat((String) tasks.getVariable(walk.task(caseNumber, "DraftReplyTask").getId(), "roundHistory"))
                .contains("第 1 轮", "区政府领导审批：退回修改", "补充整改时限。", "已组织全局执法人员学习听证程序规定。");
        complete(caseNumber, "DraftReplyTask", Map.of("recommendationReply", "已组织学习，2027年1月底前完成整改。"));
        assertThat((String) tasks.getVariable(walk.task(caseNumber, "ApproveReplyTask").getId(), "roundHistory"))
                .contains("补充整改时限。", "已组织全局执法人员学习听证程序规定。")
                .doesNotContain("2027年1月底前完成整改").as("the current draft is the form's own field");
        complete(caseNumber, "ApproveReplyTask", Map.of("replyApproved", "true"));
        assertThatThrownBy(() -> complete(caseNumber, "SendReplyTask", Map.of("repliedOn", "2026-11-01")))
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("repliedOn"));
        complete(caseNumber, "SendReplyTask", Map.of("repliedOn", "2026-12-01"));
        assertThat(reply).isEnded().hasPassed("RepliedEndEvent");
    }

    @Test
    void aReconsiderationResponseAnswersIn10WorkingDaysAndFollowsTheSameStages() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("caseType", "RECONSIDERATION_RESPONSE");
        data.put("court", "中卫市人民政府");
        String caseNumber = (String) data.get("caseNumber");
        ProcessInstance theCase = walk.register(data);
        // Administrative Reconsideration Law Art. 48 and Art. 88 ¶2: 10 working days from Fri 2026-11-20 — the weekend
        // 11-21/22 skipped, 11-23..27 days 1-5, 11-28/29 skipped, 11-30..12-04 days 6-10: Friday 2026-12-04.
        assertThat(runtime.getVariable(theCase.getId(), "statutoryAnswerDue")).isEqualTo("2026-12-04");
        assertThat(decision(caseNumber, "JUDGMENT", "FIRST", "REVOKED", "2026-11-28").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        TestCases.today("2026-11-30");
        assertThat(document(caseNumber, Map.of("kind", "RECONSIDERATION_DECISION", "receivedOn", "2026-11-28",
                "outcome", "REVOKED")).getBody()).containsEntry("correlated", true);
        assertThat(theCase).hasPassed("DecisionDuringIntakeEvent", "LossGateway").hasNotPassed("AppealOpinionCallActivity");
        // Effective when served, 2026-11-28 (Sat) + 15 = 12-13 (Sun): due Monday 12-14.
        assertThat(due(walk.task(caseNumber, "WriteLossAnalysisTask"))).isEqualTo(LocalDate.of(2026, 12, 14));
        lossAnalysis(caseNumber, Map.of());
        assertThatThrownBy(() -> complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "IN_PROGRESS",
                "followUp", "RETRIAL"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("再审");
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        archive(caseNumber);
        assertThat(view("natres", caseNumber)).containsEntry("status", "CLOSED")
                .containsEntry("caseType", "RECONSIDERATION_RESPONSE");
    }

    @Test
    void documentsThatMakeNoSenseForTheCaseAreRefusedAndChangeNothing() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        assertThat(document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-11-27"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-11-27", "effectiveOn",
                "2026-11-27")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(document(caseNumber, Map.of("kind", "RECONSIDERATION_DECISION", "receivedOn", "2026-11-27",
                "outcome", "REVOKED")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> badOutcome = decision(caseNumber, "JUDGMENT", "FIRST", "GUILTY", "2026-11-27");
        assertThat(badOutcome.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badOutcome.getBody().toString()).contains("outcome");
        assertThat(rest.withBasicAuth("office", "demo").getForObject("/api/cases/{n}/documents", List.class,
                caseNumber)).isEmpty();
        assertThat(theCase(caseNumber)).isWaitingAt("NoticeIntakeCallActivity");
    }

    /** Lost (or won) at first instance on 2026-12-10; we appeal, filed 2026-12-14: the second-instance answer is open. */
    private String appealedByUs(String firstOutcome) {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", firstOutcome, "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", "true", "appealOpinion", "一审适用法律错误。"));
        complete(caseNumber, "ReviewAppealOpinionTask", Map.of("appealRecommended", "true", "appealReviewOpinion", "同意上诉。"));
        complete(caseNumber, "DecideAppealTask", Map.of("appealApproved", "true"));
        TestCases.today("2026-12-14");
        complete(caseNumber, "FileAppealTask", Map.of("appealFiledOn", "2026-12-14"));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "courtInstance")).isEqualTo("SECOND");
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).hasSize(1);
        return caseNumber;
    }

    /** Decided at first instance on 2026-12-10, not appealed by us; the plaintiff's appeal copy came on 2026-12-18. */
    private String appealedByThePlaintiff(String firstOutcome) {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", firstOutcome, "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2026-12-18");
        document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-18"));
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).hasSize(1);
        return caseNumber;
    }

    private ResponseEntity<Map> amended(String caseNumber, String to, String on) {
        Map<String, Object> document = new HashMap<>(Map.of("kind", "JUDGMENT", "instance", "SECOND",
                "outcome", "AMENDED", "receivedOn", on));
        if (to != null) {
            document.put("amendedOutcome", to);
        }
        return document(caseNumber, document);
    }

    @Test
    void aLostFirstInstanceAffirmedOnAppealIsALossAndNeedsTheLossAnalysis() {
        String caseNumber = appealedByUs("REVOKED");
        TestCases.today("2026-12-28");
        ResponseEntity<Map> affirmed = decision(caseNumber, "JUDGMENT", "SECOND", "APPEAL_DISMISSED", "2026-12-28");
        assertThat(affirmed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(theCase(caseNumber)).hasPassed("DecisionDuringInstanceEvent", "LossGateway")
                .isWaitingAt("LossAnalysisCallActivity");
        String id = theCase(caseNumber).getId();
        assertThat(runtime.getVariable(id, "decisionOutcome")).isEqualTo("APPEAL_DISMISSED");
        assertThat(runtime.getVariable(id, "effectiveLoss")).isEqualTo(true);
        assertThat(runtime.getVariable(id, "effectiveOn")).isEqualTo("2026-12-28");
        assertThat(decisions(caseNumber)).satisfiesExactly(
                first -> assertThat(first).containsEntry("outcome", "REVOKED").containsEntry("loss", true)
                        .containsEntry("effectiveOn", null),
                second -> assertThat(second).containsEntry("outcome", "APPEAL_DISMISSED").containsEntry("loss", true)
                        .containsEntry("effectiveOn", "2026-12-28"));
        Task write = walk.task(caseNumber, "WriteLossAnalysisTask");
        // Effective when served, 2026-12-28 + 15 = 2027-01-12 (Art. 12).
        assertThat(due(write)).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(tasks.getVariable(write.getId(), "lossDecision").toString()).contains("驳回上诉，维持原判", "原判：撤销");
    }

    @Test
    void aWonFirstInstanceAffirmedOnAppealIsAWin() {
        String caseNumber = appealedByThePlaintiff("CLAIMS_DISMISSED");
        TestCases.today("2026-12-22");
        assertThat(decision(caseNumber, "JUDGMENT", "SECOND", "APPEAL_DISMISSED", "2026-12-22").getBody())
                .containsEntry("correlated", true);
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask").hasNotPassed("LossAnalysisCallActivity");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "effectiveLoss")).isEqualTo(false);
        assertThat(decisions(caseNumber)).last().satisfies(d -> assertThat(d).containsEntry("loss", false)
                .containsEntry("effectiveOn", "2026-12-22"));
    }

    @Test
    void anAmendmentIsALossWhenItsNewResultIsOne() {
        String caseNumber = appealedByThePlaintiff("CLAIMS_DISMISSED");
        TestCases.today("2026-12-22");
        ResponseEntity<Map> without = amended(caseNumber, null, "2026-12-22");
        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(without.getBody().toString()).contains("amendedOutcome", "改判结果");
        assertThat(decisions(caseNumber)).as("refused, nothing changed").hasSize(1);
        assertThat(amended(caseNumber, "ORDERED_TO_PAY", "2026-12-22").getBody()).containsEntry("correlated", true);
        assertThat(theCase(caseNumber)).isWaitingAt("LossAnalysisCallActivity");
        assertThat(decisions(caseNumber)).last().satisfies(d -> assertThat(d).containsEntry("outcome", "AMENDED")
                .containsEntry("amendedOutcome", "ORDERED_TO_PAY").containsEntry("loss", true)
                .containsEntry("effectiveOn", "2026-12-22"));
        Map<String, Object> withoutAmount = Map.of("lossFacts", "事实", "lossDecision", "改判给付",
                "lossSuggestions", "整改", "faultSuspected", "false");
        assertThatThrownBy(() -> complete(caseNumber, "WriteLossAnalysisTask", withoutAmount))
                .as("the amended result orders a payment (Art. 23)").isInstanceOf(FormFieldValidationException.class)
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("compensationAmount"));
    }

    @Test
    void anAmendmentToAWinIsNoLoss() {
        String caseNumber = appealedByUs("REVOKED");
        TestCases.today("2026-12-28");
        amended(caseNumber, "CLAIMS_DISMISSED", "2026-12-28");
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask").hasNotPassed("LossAnalysisCallActivity");
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "decisionOutcomeLabel"))
                .isEqualTo("撤销原判，依法改判（第二审、再审）：驳回诉讼请求");
        assertThat(decisions(caseNumber)).last().satisfies(d -> assertThat(d).containsEntry("loss", false));
    }

    @Test
    void aRemandSendsTheCaseBackToAFirstInstanceWithANewAnswerAndJudgment() {
        String caseNumber = appealedByUs("REVOKED");
        TestCases.today("2026-12-22");
        assertThat(decision(caseNumber, "RULING", "SECOND", "REMANDED", "2026-12-22").getBody())
                .containsEntry("correlated", true);
        ProcessInstance theCase = theCase(caseNumber);
        assertThat(theCase).hasPassed("DecisionDuringInstanceEvent").hasNotPassed("LossGateway")
                .isActive();
        assertThat(runtime.getVariable(theCase.getId(), "courtInstance")).isEqualTo("FIRST");
        assertThat(runtime.getVariable(theCase.getId(), "effectiveOn")).isNull();
        assertThat(runtime.getVariable(theCase.getId(), "appealFiledOn")).isNull();
        assertThat(decisions(caseNumber)).last().satisfies(d -> assertThat(d).containsEntry("outcome", "REMANDED")
                .containsEntry("loss", false).containsEntry("effectiveOn", null));
        // The answer again, 7 days from the day the remand ruling reached us: 2026-12-22 (Tue) + 7 = 12-29 (Tue).
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).singleElement()
                .satisfies(t -> assertThat(due(t)).isEqualTo(LocalDate.of(2026, 12, 29)));
        // Heard anew at first instance: ALL Art. 67's 15 days counted again from the remand, 2027-01-06 (Wed).
        assertThat(deadlineDue(theCase.getId(), "statutoryAnswer")).isEqualTo("2027-01-06");
        assertThat(runtime.getVariable(theCase.getId(), "statutoryAnswerDue")).as("watched until delivered")
                .isEqualTo("2027-01-06");
        assertThat(cn.shapotou.litigation.escalation.OverdueTimers.caseTimer(engine, theCase.getId(),
                "InstanceStatutoryAnswerOverdueTimer").getDuedate()).as("the instance's statutory answer timer")
                .isEqualTo(cn.shapotou.litigation.deadlines.DeadlineTimers.overdueAt(
                        cn.shapotou.litigation.deadlines.LegalClock.endOfDay(LocalDate.of(2027, 1, 6))));
        TestCases.today("2026-12-28");
        walk.deliverAnswer(caseNumber, "2026-12-28");
        assertThat(runtime.getVariable(theCase.getId(), "statutoryAnswerDue")).isNull();
        assertThat(runtime.getVariable(theCase.getId(), "answerDeliveredLate"))
                .as("the complaint's first answer day, long past, does not count against the remanded answer").isEqualTo(false);
        assertThat(String.valueOf(runtime.getVariable(theCase.getId(), "accountabilityFacts"))).doesNotContain("LATE_ANSWER");
        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-12-28", "hearingDate", "2027-01-06"));
        walk.holdHearing(caseNumber, false);
        assertThat(theCase(caseNumber)).isWaitingAt("DecisionReceivedEvent");

        TestCases.today("2027-01-15");
        decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2027-01-15");
        assertThat(stage(caseNumber, "appeal-opinion")).isWaitingAt("DraftAppealOpinionTask");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        assertThat(decision(caseNumber, "JUDGMENT", "SECOND", "APPEAL_DISMISSED", "2027-01-15").getStatusCode())
                .as("the appeal of the set-aside judgment is spent").isEqualTo(HttpStatus.CONFLICT);
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2027-01-15", "effectiveOn", "2027-01-15"));
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask").hasNotPassed("LossAnalysisCallActivity");
        assertThat(decisions(caseNumber)).extracting(d -> d.get("instance") + " " + d.get("outcome") + " " + d.get("loss")
                + " " + d.get("effectiveOn")).containsExactly("FIRST REVOKED true null", "SECOND REMANDED false null",
                "FIRST CLAIMS_DISMISSED false 2027-01-15");
    }

    @Test
    void aLateAppealOpinionIsAnAccountabilityFact() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "REVOKED", "2026-12-10");
        // Due 2026-12-15 (Art. 13); sent on 12-17 by 刘伟 of 区自然资源局.
        TestCases.today("2026-12-17");
        Task draft = walk.task(caseNumber, "DraftAppealOpinionTask");
        engine.getIdentityService().setAuthentication("natres", List.of("natural-resources"));
        try {
            tasks.claim(draft.getId(), "natres");
            tasks.complete(draft.getId(), Map.of("appealWanted", "true", "appealOpinion", "一审认定事实错误。"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(runtime.getVariable(stage(caseNumber, "appeal-opinion").getId(), "appealOpinionLate")).isEqualTo(true);
        assertThat(facts(caseNumber)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("fact", "APPEAL_OPINION_LATE").containsEntry("recordedOn", "2026-12-17")
                .containsEntry("unit", "natural-resources").containsEntry("directlyResponsible", "刘伟（natres）")
                .satisfies(m -> assertThat(m.get("detail").toString()).contains("2026-12-15", "2026-12-17")));
    }

    @Test
    void noOpinionToAppealSentAfterFiveDaysIsNoLateness() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-10");
        TestCases.today("2026-12-17");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "appealOpinionLate")).isEqualTo(false);
        assertThat(facts(caseNumber)).isEmpty();
    }

    private List<Map<String, Object>> facts(String caseNumber) {
        return (List<Map<String, Object>>) cn.shapotou.litigation.web.FormValues.list(
                runtime.getVariable(theCase(caseNumber).getId(), "accountabilityFacts"));
    }

    @Test
    void aLateLossReportAndTheJusticeBureausFindingOfFaultAreAccountabilityFacts() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(caseNumber, "JUDGMENT", "FIRST", "REVOKED", "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2026-12-29");
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-29", "effectiveOn", "2026-12-26"));
        // Effective 2026-12-26 (Sat) + 15 = 2027-01-10 (Sun): due Monday 2027-01-11; sent on 01-13.
        Task write = walk.task(caseNumber, "WriteLossAnalysisTask");
        assertThat(due(write)).isEqualTo(LocalDate.of(2027, 1, 11));
        TestCases.today("2027-01-13");
        engine.getIdentityService().setAuthentication("natres", List.of("natural-resources"));
        try {
            tasks.claim(write.getId(), "natres");
            tasks.complete(write.getId(), Map.of("lossFacts", "原告不服土地行政处罚决定提起诉讼。",
                    "lossDecision", "撤销被诉处罚决定", "lossSuggestions", "整改告知环节。", "faultSuspected", "false"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(facts(caseNumber)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("fact", "LOSS_ANALYSIS_LATE").containsEntry("recordedOn", "2027-01-13")
                .containsEntry("directlyResponsible", "刘伟（natres）"));
        complete(caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "请承办单位抓紧整改。"));

        Task file = walk.task(caseNumber, "FileLossAnalysisTask");
        assertThat(tasks.getIdentityLinksForTask(file.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("justice-bureau"));
        assertThatThrownBy(() -> tasks.complete(file.getId(), Map.of("lossAnalysisFiled", true, "faultFound", true)))
                .as("a finding of fault names the persons and the reasons")
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("faultReasons"))
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("faultDirectlyResponsible"));
        TestCases.today("2027-01-14");
        tasks.complete(file.getId(), Map.of("lossAnalysisFiled", true, "faultFound", true,
                "faultSupervisor", "王某（分管副局长）", "faultDirectlyResponsible", "李某（执法大队队长）",
                "faultReasons", "处罚前未告知听证权利，执法人员明知程序要求仍未履行，属重大过失。"));
        assertThat(facts(caseNumber)).hasSize(2).last().satisfies(f -> assertThat(f)
                .containsEntry("fact", "LOSS_BY_FAULT").containsEntry("recordedOn", "2027-01-14")
                .containsEntry("supervisor", "王某（分管副局长）").containsEntry("directlyResponsible", "李某（执法大队队长）")
                .satisfies(m -> assertThat(m.get("detail").toString()).contains("区司法局认定", "重大过失",
                        "承办单位报告认为不存在")));
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "faultSuspected")).as("the unit's own view")
                .isEqualTo(false);
        assertThat(runtime.getVariable(theCase(caseNumber).getId(), "faultFound")).isEqualTo(true);
    }

    @Test
    void theUnitsOwnViewOfFaultIsNoFindingOfFault() {
        String lost = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        decision(lost, "JUDGMENT", "FIRST", "ILLEGAL", "2026-12-10");
        complete(lost, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        document(lost, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-11", "effectiveOn", "2026-12-11"));
        lossAnalysis(lost, Map.of("faultSuspected", "true"));
        assertThat(facts(lost)).as("the Justice Bureau found none").isEmpty();
        assertThat(runtime.getVariable(theCase(lost).getId(), "faultSuspected")).isEqualTo(true);
        assertThat(runtime.getVariable(theCase(lost).getId(), "faultFound")).isEqualTo(false);
    }

    @Test
    void anOutcomeTheInstanceCannotHaveIsRefusedNamingTheField() {
        String caseNumber = heardCase(Map.of(), false);
        TestCases.today("2026-12-11");
        ResponseEntity<Map> affirmedAtFirst = decision(caseNumber, "JUDGMENT", "FIRST", "APPEAL_DISMISSED", "2026-12-10");
        assertThat(affirmedAtFirst.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(affirmedAtFirst.getBody().toString()).contains("outcome", "裁判结果", "第一审裁判");
        assertThat(theCase(caseNumber)).isWaitingAt("DecisionReceivedEvent");
        // The Tasklist form 登记法院文书 applies the same rule.
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("court-document", Map.of("caseNumber", caseNumber,
                "kind", "JUDGMENT", "instance", "FIRST", "outcome", "REMANDED", "receivedOn", "2026-12-10")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("裁判结果");
        decision(caseNumber, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2026-12-10");
        complete(caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2026-12-20");
        document(caseNumber, Map.of("kind", "PLAINTIFF_APPEAL", "receivedOn", "2026-12-18"));
        ResponseEntity<Map> withdrawnAtSecond = decision(caseNumber, "RULING", "SECOND", "WITHDRAWN", "2026-12-20");
        assertThat(withdrawnAtSecond.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withdrawnAtSecond.getBody().toString()).contains("第二审裁判", "准许撤回上诉");
        assertThat(decision(caseNumber, "RULING", "SECOND", "APPEAL_WITHDRAWN", "2026-12-20").getBody())
                .containsEntry("correlated", true);
        assertThat(theCase(caseNumber)).isWaitingAt("FollowUpTask");
    }
}
