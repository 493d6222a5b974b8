package cn.shapotou.litigation.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of {@code court-appearance}, {@code court-document} and the hearing-notice wait of {@code litigation-case}. */
@IntegrationTest
@SuppressWarnings("unchecked")
class CourtAppearanceProcessTest {

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
        BpmnAwareTests.init(engine);
        walk = new CaseWalk(runtime, tasks);
    }

    private String deliveredCase(Map<String, Object> changes) {
        Map<String, Object> data = TestCases.natresCase();
        data.putAll(changes);
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, "2026-11-25");
        return caseNumber;
    }

    private ResponseEntity<Map> hearingNotice(String user, String caseNumber, String hearingDate) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/{n}/documents",
                Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-26", "hearingDate", hearingDate), Map.class,
                caseNumber);
    }

    private ProcessInstance instance(String caseNumber, String key) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(key).singleResult();
    }

    private static Map<String, Object> plan(boolean head, List<Map<String, Object>> agents) {
        return CaseWalk.plan(head, agents);
    }

    @Test
    void aHearingNoticeStartsTheAppearanceWithThePlanDueTheDayBefore() {
        String caseNumber = deliveredCase(Map.of());
        assertThat(instance(caseNumber, "litigation-case")).isWaitingAt("DecisionReceivedEvent");

        ResponseEntity<Map> registered = hearingNotice("office", caseNumber, "2026-12-15");
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody()).containsEntry("correlated", true).containsEntry("kind", "HEARING_NOTICE");

        ProcessInstance appearance = instance(caseNumber, "court-appearance");
        assertThat(appearance).isWaitingAt("PlanAppearanceTask");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(plan.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 14)));
        assertThat(tasks.getVariable(plan.getId(), "agent1Name")).as("the power of attorney's agents")
                .isEqualTo("刘伟");
        tasks.complete(plan.getId(), plan(false, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));

        Task attend = walk.task(caseNumber, "AttendHearingTask");
        assertThat(attend.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 15)));
        tasks.complete(attend.getId(), Map.of("hearingOutcome", "HELD", "headAppeared", false,
                "appearedPersons", "刘伟（区自然资源局）", "leftWithoutPermission", false, "majorIssue", false));
        assertThat(appearance).isEnded().hasPassed("HearingDoneEndEvent");
        ProcessInstance theCase = instance(caseNumber, "litigation-case");
        assertThat(theCase).isWaitingAt("DecisionReceivedEvent").variables().containsEntry("hearingHeldOn", "2026-12-15");

    }

    @Test
    void aHearingNoticeDuringTheAnswerStartsThePlanAtOnceBesideTheOpenAnswerWork() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        ResponseEntity<Map> early = hearingNotice("justice", caseNumber, "2026-12-20");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(early.getBody()).containsEntry("correlated", true);
        // counsel not yet assigned, answer materials still open: the appearance is planned beside them
        assertThat(instance(caseNumber, "answer-preparation")).isWaitingAt("AssignCounselTask", "PrepareAnswerTask");
        assertThat(instance(caseNumber, "litigation-case")).isWaitingAt("AnswerPreparationCallActivity",
                "CourtAppearanceCallActivity");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(plan.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 19)));
        assertThat(tasks.getIdentityLinksForTask(plan.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources");

        // a postponement notice moves it; it does not start a second appearance
        ResponseEntity<Map> moved = hearingNotice("office", caseNumber, "2026-12-28");
        assertThat(moved.getBody()).containsEntry("correlated", true);
        assertThat(walk.task(caseNumber, "PlanAppearanceTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 27)));

        walk.deliverAnswer(caseNumber, "2026-11-25");
        walk.holdHearing(caseNumber, false);
        assertThat(instance(caseNumber, "litigation-case")).isWaitingAt("DecisionReceivedEvent")
                .hasPassed("HearingDoneEndEvent").variables().containsEntry("hearingHeldOn", "2026-12-28");
        List<Map<String, Object>> documents = rest.withBasicAuth("natres", "demo")
                .getForObject("/api/cases/{n}/documents", List.class, caseNumber);
        assertThat(documents).hasSize(2).allSatisfy(d -> assertThat(d).containsEntry("kind", "HEARING_NOTICE"));
    }

    @Test
    void aHearingNoticeBeforeTheProposalIsApprovedIsPlannedAtOnceByTheUnitKnownThen() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        hearingNotice("office", caseNumber, "2026-12-10");
        assertThat(instance(caseNumber, "notice-intake")).isWaitingAt("DraftHandlingProposalTask");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(plan.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 9)));
        assertThat(tasks.getIdentityLinksForTask(plan.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources");
    }

    @Test
    void aHearingNoticeForACaseWhoseUnitIsUnclearGoesToTheJusticeBureau() {
        Map<String, Object> data = TestCases.natresCase();
        data.remove("actingUnit");
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        hearingNotice("office", caseNumber, "2026-12-10");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(tasks.getIdentityLinksForTask(plan.getId())).extracting(IdentityLink::getGroupId)
                .contains("justice-bureau");
    }

    @Test
    void aDecisionEndsAnAppearanceStillUnderWay() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        hearingNotice("office", caseNumber, "2026-12-10");
        ResponseEntity<Map> ruling = rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents",
                Map.of("kind", "RULING", "receivedOn", "2026-11-26", "instance", "FIRST", "outcome", "WITHDRAWN"),
                Map.class, caseNumber);
        assertThat(ruling.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(instance(caseNumber, "court-appearance")).isNull();
        assertThat(instance(caseNumber, "answer-preparation")).isNull();
        // A withdrawal ruling cannot be appealed: effective when served, the case goes on to the follow-up.
        assertThat(instance(caseNumber, "litigation-case")).hasPassed("HearingEndedByDecisionEndEvent")
                .isWaitingAt("FollowUpTask");
    }

    @Test
    void aNewHearingNoticeDuringTheAppearanceMovesItsDueDates() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        ResponseEntity<Map> moved = hearingNotice("office", caseNumber, "2026-12-22");
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(plan.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 21)));
        tasks.complete(plan.getId(), plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(walk.task(caseNumber, "AttendHearingTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 22)));
    }

    @Test
    void aPlanAgainstArticleSevenIsRefusedWithTheArticle() {
        String caseNumber = deliveredCase(Map.of("appearanceCategories", List.of(2)));
        hearingNotice("office", caseNumber, "2026-12-15");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThatThrownBy(() -> tasks.complete(plan.getId(),
                plan(false, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第七条第二款");
        assertThatThrownBy(() -> tasks.complete(plan.getId(),
                plan(true, List.of(CaseWalk.agent("律师甲", "natural-resources", "LAWYER", false)))))
                .hasMessageContaining("第八条第三款");
        tasks.complete(plan.getId(), plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(instance(caseNumber, "court-appearance")).isWaitingAt("AttendHearingTask")
                .variables().containsEntry("headAppears", true);
    }

    @Test
    void anUpheldCaseNeedsAgentsOfBothUnits() {
        String caseNumber = deliveredCase(Map.of("reconsideration", "UPHELD"));
        hearingNotice("office", caseNumber, "2026-12-15");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        assertThatThrownBy(() -> tasks.complete(plan.getId(),
                plan(false, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)))))
                .hasMessageContaining("第八条第二款");
        assertThat(List.of(tasks.getVariable(plan.getId(), "agent1Name"), tasks.getVariable(plan.getId(), "agent2Name")))
                .containsExactlyInAnyOrder("刘伟", "李强");
        tasks.complete(plan.getId(), plan(false, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true),
                CaseWalk.agent("李强", "justice-bureau", "STAFF", false))));
        assertThat(instance(caseNumber, "court-appearance")).isWaitingAt("AttendHearingTask");
    }

    @Test
    void aPostponementMovesTheHearingAndAMajorIssueGoesToTheLeaders() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        Map<String, Object> headPlan = plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), headPlan);
        Task attend = walk.task(caseNumber, "AttendHearingTask");
        assertThatThrownBy(() -> tasks.complete(attend.getId(), Map.of("hearingOutcome", "POSTPONED")))
                .hasMessageContaining("postponementReason").hasMessageContaining("newHearingDate");
        tasks.complete(attend.getId(), Map.of("hearingOutcome", "POSTPONED", "postponementReason", "承办人突发疾病住院",
                "postponementRequested", true, "newHearingDate", "2026-12-29"));

        ProcessInstance appearance = instance(caseNumber, "court-appearance");
        assertThat(appearance).hasPassed("HearingHeldGateway").isWaitingAt("PlanAppearanceTask")
                .variables().containsEntry("hearingDate", "2026-12-29");
        assertThat(walk.task(caseNumber, "PlanAppearanceTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 28)));
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), headPlan);
        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", true, "appearedPersons", "王局长、刘伟", "leftWithoutPermission", true,
                "majorIssue", true, "majorIssueReport", "原告当庭提出新的赔偿请求"));
        Task report = walk.task(caseNumber, "ReviewMajorIssueReportTask");
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of())).hasMessageContaining("批示意见");
        tasks.complete(report.getId(), Map.of("majorIssueInstructions", "请区司法局组织研判"));
        assertThat(appearance).isEnded().hasPassed("ReviewMajorIssueReportTask");
        ProcessInstance theCase = instance(caseNumber, "litigation-case");
        assertThat(runtime.getVariable(theCase.getId(), "hearings").toString()).contains("POSTPONED", "HELD");
        assertThat(runtime.getVariable(theCase.getId(), "accountabilityFacts").toString())
                .contains("LEFT_WITHOUT_PERMISSION");
    }

    @Test
    void aRequiredHeadWhoDidNotAppearIsAnAccountabilityFact() {
        String caseNumber = deliveredCase(Map.of("appearanceCategories", List.of(1)));
        hearingNotice("office", caseNumber, "2026-12-15");
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(),
                plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", false, "appearedPersons", "某律师事务所律师", "onlyLawyersAppeared", true));
        assertThat(runtime.getVariable(instance(caseNumber, "litigation-case").getId(), "accountabilityFacts")
                .toString()).contains("HEAD_ABSENT_WHEN_REQUIRED", "ONLY_LAWYERS", "开庭日期 2026-12-15");
    }

    @Test
    void theOfficeRegistersAHearingNoticeInTasklist() {
        String caseNumber = deliveredCase(Map.of());
        ProcessInstance registration = runtime.startProcessInstanceByKey("court-document", Map.of(
                "caseNumber", caseNumber, "kind", "HEARING_NOTICE", "receivedOn", "2026-11-27",
                "hearingDate", "2026-12-16"));
        assertThat(registration).isEnded().hasPassed("RegisterDocumentTask");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(registration.getId()).singleResult().getBusinessKey()).isEqualTo(caseNumber);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(registration.getId()).variableName("correlated").singleResult().getValue())
                .isEqualTo(true);
        assertThat(instance(caseNumber, "court-appearance")).isWaitingAt("PlanAppearanceTask");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("court-document", Map.of(
                "caseNumber", "（2026）宁0502行初0号", "kind", "HEARING_NOTICE", "receivedOn", "2026-11-27")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("hearingDate")
                .hasMessageContaining("没有对应的已登记案件");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("court-document", Map.of(
                "caseNumber", caseNumber, "kind", "JUDGMENT", "receivedOn", "2026-11-27", "instance", "SECOND",
                "outcome", "CLAIMS_DISMISSED"))).hasMessageContaining("没有上诉记录");
    }

    @Test
    void theDocumentsApiAnswersAsTheContractSays() {
        String caseNumber = deliveredCase(Map.of());
        assertThat(hearingNotice("natres", caseNumber, "2026-12-15").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(hearingNotice("office", "（2026）宁0502行初0号", "2026-12-15").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> bad = rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents",
                Map.of("kind", "SUMMONS", "receivedOn", "2999-01-01"), Map.class, caseNumber);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("kind", "receivedOn");
        ResponseEntity<Map> second = rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents",
                Map.of("kind", "JUDGMENT", "receivedOn", "2026-11-27", "instance", "SECOND", "outcome", "REVOKED"),
                Map.class, caseNumber);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> recommendation = rest.withBasicAuth("office", "demo").postForEntity(
                "/api/cases/{n}/documents", Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn", "2026-11-27"),
                Map.class, caseNumber);
        assertThat(recommendation.getStatusCode()).as("at any stage (Art. 17)").isEqualTo(HttpStatus.CREATED);
        assertThat(recommendation.getBody()).as("it starts its own reply process").containsEntry("correlated", true);
        assertThat(rest.getForEntity("/api/cases/{n}/documents", String.class, caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
