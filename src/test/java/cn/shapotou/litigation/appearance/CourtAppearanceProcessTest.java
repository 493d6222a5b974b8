package cn.shapotou.litigation.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        walk.approveHeadAbsence(caseNumber);

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
        assertThat((String) tasks.getVariableLocal(plan.getId(), "deadlineText"))
                .contains("开庭日期2026年12月22日", "期限至2026年12月21日").doesNotContain("12月15日");
        tasks.complete(plan.getId(), plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(walk.task(caseNumber, "AttendHearingTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 22)));
    }

    @Test
    void aPlanAgainstArticleSevenIsRefusedWithTheArticle() {
        String caseNumber = deliveredCase(Map.of("appearanceCategories", List.of(2)));
        hearingNotice("office", caseNumber, "2026-12-15");
        Task plan = walk.task(caseNumber, "PlanAppearanceTask");
        Map<String, Object> noReason = plan(false, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        noReason.remove("absenceReason");
        assertThatThrownBy(() -> tasks.complete(plan.getId(), noReason))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第七条第二款")
                .hasMessageContaining("法释〔2020〕3号第八条");
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
        assertThat(instance(caseNumber, "court-appearance")).isWaitingAt("ApproveHeadAbsenceTask");
    }

    @Test
    void aPostponementMovesTheHearingAndAMajorIssueGoesToTheLeaders() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        Map<String, Object> headPlan = plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), headPlan);
        Task attend = walk.task(caseNumber, "AttendHearingTask");
        assertThatThrownBy(() -> tasks.complete(attend.getId(), Map.of("hearingOutcome", "POSTPONED")))
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("postponementReason")).satisfies(cn.shapotou.litigation.web.Refusals.naming("newHearingDate"))
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("postponementRequestedOn"));
        tasks.complete(attend.getId(), Map.of("hearingOutcome", "POSTPONED", "postponementReason", "承办人突发疾病住院",
                "postponementRequested", true, "postponementRequestedOn", "2026-12-01", "newHearingDate", "2026-12-29"));

        ProcessInstance appearance = instance(caseNumber, "court-appearance");
        assertThat(appearance).hasPassed("HearingHeldGateway").isWaitingAt("PlanAppearanceTask")
                .variables().containsEntry("hearingDate", "2026-12-29");
        assertThat(walk.task(caseNumber, "PlanAppearanceTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 28)));
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), headPlan);
        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", true, "appearedPersons", "王局长、刘伟", "leftWithoutPermission", true,
                "majorIssue", true, "majorIssueReport", "原告当庭提出新的赔偿请求"));
        // Art. 9 ¶3: the hearing's major issue is one written report to the district government, as any other.
        assertThat(appearance).isEnded().hasPassed("ReportMajorIssueTask");
        ProcessInstance report = instance(caseNumber, "major-issue-report");
        assertThat(report).isWaitingAt("ReadMajorIssueReportTask").variables()
                .containsEntry("reportingUnit", "natural-resources").containsEntry("reportSource", "HEARING")
                .containsEntry("reportText", "原告当庭提出新的赔偿请求").containsEntry("issue", "庭审中的重大问题（开庭日期 2026-12-29）");
        Task read = walk.task(caseNumber, "ReadMajorIssueReportTask");
        assertThatThrownBy(() -> tasks.complete(read.getId(), Map.of())).hasMessageContaining("领导批示");
        tasks.complete(read.getId(), Map.of("instruction", "请区司法局组织研判"));
        assertThat(report).isWaitingAt("NoteInstructionTask");
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
                .toString()).contains("HEAD_ABSENT_WHEN_REQUIRED", "HEAD_ABSENT_WITHOUT_REASON", "ONLY_LAWYERS",
                        "开庭日期 2026-12-15");
        assertThat(facts(caseNumber)).filteredOn(f -> "HEAD_ABSENT_WHEN_REQUIRED".equals(f.get("fact")))
                .singleElement().satisfies(f -> assertThat(f).as("the head is the 主管人员 concerned")
                        .containsEntry("supervisor", "王局长"));
        assertThat(lastHearing(caseNumber)).containsEntry("headAppeared", false).containsEntry("headAbsence", "UNJUSTIFIED")
                .containsEntry("headName", "王局长").containsEntry("headPost", null).containsEntry("absenceReason", null);
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
                .isInstanceOf(FormFieldValidationException.class).satisfies(cn.shapotou.litigation.web.Refusals.naming("hearingDate"))
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

    // ---- head appearance with a reason (法释〔2020〕3号第八条), the written explanation, the power of attorney ----

    private List<Map<String, Object>> facts(String caseNumber) {
        return (List<Map<String, Object>>) FormValues.list(
                runtime.getVariable(instance(caseNumber, "litigation-case").getId(), "accountabilityFacts"));
    }

    private List<Map<String, Object>> hearings(String caseNumber) {
        return (List<Map<String, Object>>) FormValues.list(
                runtime.getVariable(instance(caseNumber, "litigation-case").getId(), "hearings"));
    }

    private Map<String, Object> lastHearing(String caseNumber) {
        List<Map<String, Object>> hearings = hearings(caseNumber);
        assertThat(hearings).isNotEmpty();
        return hearings.get(hearings.size() - 1);
    }

    private Map<String, Object> absencePlan(String reason, String explanation, List<Map<String, Object>> agents) {
        Map<String, Object> plan = plan(false, agents);
        plan.put("headName", "王局长");
        plan.put("headPost", "PRINCIPAL");
        plan.put("absenceReason", reason);
        plan.put("absenceExplanation", explanation);
        return plan;
    }

    private byte[] document(String user, String caseNumber, String file) {
        ResponseEntity<byte[]> got = rest.withBasicAuth(user, "demo").getForEntity(
                "/api/cases/{n}/documents/" + file, byte[].class, caseNumber);
        assertThat(got.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
        return got.getBody();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aHeadWhoCannotAppearForAnApprovedReasonIsNoAccountabilityFact() throws Exception {
        String caseNumber = deliveredCase(Map.of("appearanceCategories", List.of(1)));
        hearingNotice("office", caseNumber, "2026-12-15");
        Task planTask = walk.task(caseNumber, "PlanAppearanceTask");
        assertThat(tasks.getVariable(planTask.getId(), "headUnit")).as("the defendant's own head")
                .isEqualTo("district-government");
        tasks.complete(planTask.getId(), absencePlan("OFFICIAL_DUTY", "12月15日须主持召开全区安全生产紧急会议",
                List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));

        ProcessInstance appearance = instance(caseNumber, "court-appearance");
        assertThat(appearance).hasPassed("HeadAppearsGateway").isWaitingAt("ApproveHeadAbsenceTask");
        Task approval = walk.task(caseNumber, "ApproveHeadAbsenceTask");
        assertThat(approval.getName()).isEqualTo("审批负责人不能出庭的理由");
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("district-leaders");
        assertThat(approval.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 14)));
        assertThat(tasks.getVariable(approval.getId(), "deadlineText").toString())
                .contains("书面情况说明", "2026年12月14日24时止");
        assertThat(tasks.getVariable(approval.getId(), "absenceReasonLabel").toString())
                .contains("需要履行他人不能代替的公务", "第八条第（三）项");

        String draft = GeneratedDocuments.pdfText(document("leader", caseNumber, "head-absence-explanation.pdf"));
        assertThat(draft).as("not yet approved").contains("草稿");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("审批结果");
        tasks.complete(approval.getId(), Map.of("headAbsenceApproved", "true", "headAbsenceApprovalRemarks", "同意"));
        assertThat(appearance).hasPassed("HeadAbsenceApprovedGateway").isWaitingAt("AttendHearingTask");
        assertThat(tasks.getVariable(walk.task(caseNumber, "AttendHearingTask").getId(), "headPlanText"))
                .isEqualTo("王局长（正职负责人）不能出庭：需要履行他人不能代替的公务（理由已经区政府领导批准）");

        String explanation = GeneratedDocuments.pdfText(document("natres", caseNumber, "head-absence-explanation.pdf"));
        String word = GeneratedDocuments.docxText(document("natres", caseNumber, "head-absence-explanation.docx"));
        for (String text : List.of(explanation, word)) {
            assertThat(text).contains("关于行政机关负责人不能出庭应诉的情况说明", "中卫市沙坡头区人民法院：", caseNumber,
                    "张某某", "土地行政处罚", "2026年12月15日", "王局长（正职负责人）", "需要履行他人不能代替的公务",
                    "全区安全生产紧急会议", "行政诉讼法》第三条第三款", "第八条第（三）项", "刘伟", "区自然资源局",
                    "行政机关工作人员", "中卫市沙坡头区人民政府（盖章）").doesNotContain("草稿");
        }

        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", false, "appearedPersons", "刘伟（区自然资源局）"));
        assertThat(appearance).isEnded();
        assertThat(facts(caseNumber)).as("an approved reason is no ground of Art. 22").isEmpty();
        assertThat(lastHearing(caseNumber)).containsEntry("outcome", "HELD").containsEntry("headAppeared", false)
                .containsEntry("headAbsence", "JUSTIFIED").containsEntry("absenceReason", "OFFICIAL_DUTY")
                .containsEntry("headName", "王局长").containsEntry("headPost", null);
        Map<String, Object> recorded = (Map<String, Object>) FormValues.json(
                runtime.getVariable(instance(caseNumber, "litigation-case").getId(), "appearancePlan"));
        assertThat(recorded).as("the plan reaches the case").containsEntry("headAppears", false)
                .containsEntry("absenceReason", "OFFICIAL_DUTY").containsEntry("absenceApproved", true)
                .containsEntry("headUnit", "district-government");
    }

    @Test
    void theLeadersReturnAnAbsenceAndTheHeadAppearsAfterAll() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        Task planTask = walk.task(caseNumber, "PlanAppearanceTask");
        assertThatThrownBy(() -> tasks.complete(planTask.getId(), absencePlan("OTHER", " ",
                List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)))))
                .as("another good reason is stated in words").hasMessageContaining("第八条第（四）项");
        tasks.complete(planTask.getId(), absencePlan("OTHER", "当日另有安排",
                List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        Task approval = walk.task(caseNumber, "ApproveHeadAbsenceTask");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("headAbsenceApproved", "false")))
                .hasMessageContaining("审批意见");
        tasks.complete(approval.getId(), Map.of("headAbsenceApproved", "false",
                "headAbsenceApprovalRemarks", "“另有安排”不是正当理由，请分管副局长出庭"));

        ProcessInstance appearance = instance(caseNumber, "court-appearance");
        assertThat(appearance).hasPassed("HeadAbsenceApprovedGateway").isWaitingAt("PlanAppearanceTask");
        assertThat(tasks.getVariables(walk.task(caseNumber, "PlanAppearanceTask").getId()))
                .as("the plan form shows why it came back").containsEntry("headAbsenceApproved", false)
                .containsEntry("headAbsenceApprovalRemarks", "“另有安排”不是正当理由，请分管副局长出庭");
        assertThat((String) tasks.getVariable(walk.task(caseNumber, "PlanAppearanceTask").getId(), "roundHistory"))
                .contains("第 1 轮", "退回修改", "“另有安排”不是正当理由", "当日另有安排");
        Map<String, Object> deputy = plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        deputy.put("headName", "赵副局长");
        deputy.put("headPost", "DEPUTY");
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), deputy);
        assertThat(appearance).hasPassed("HeadAppearsGateway").isWaitingAt("AttendHearingTask")
                .variables().containsEntry("headAbsenceApproved", null);
        ResponseEntity<Map> noExplanation = rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/head-absence-explanation.pdf", Map.class, caseNumber);
        assertThat(noExplanation.getStatusCode()).as("the head appears: nothing to explain").isEqualTo(HttpStatus.CONFLICT);
        assertThat(noExplanation.getBody().toString()).contains("无需提交书面情况说明");

        Task attend = walk.task(caseNumber, "AttendHearingTask");
        assertThatThrownBy(() -> tasks.complete(attend.getId(), Map.of("hearingOutcome", "HELD", "headAppeared", true,
                "headName", " ", "appearedPersons", "刘伟"))).hasMessageContaining("出庭负责人的姓名");
        tasks.complete(attend.getId(), Map.of("hearingOutcome", "HELD", "headAppeared", true,
                "appearedPersons", "赵副局长、刘伟"));
        assertThat(facts(caseNumber)).isEmpty();
        assertThat(lastHearing(caseNumber)).containsEntry("headAppeared", true).containsEntry("headPost", "DEPUTY")
                .containsEntry("headName", "赵副局长").containsEntry("headAbsence", null)
                .containsEntry("absenceReason", null);
    }

    @Test
    void aHeadWhoStaysAwayWithoutAnApprovedReasonIsNamedInTheFact() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(),
                plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), Map.of("hearingOutcome", "HELD",
                "headAppeared", false, "appearedPersons", "刘伟"));
        assertThat(facts(caseNumber)).as("Art. 7 ¶2 does not apply: the absence without reason alone")
                .singleElement().satisfies(f -> assertThat(f).containsEntry("fact", "HEAD_ABSENT_WITHOUT_REASON")
                        .containsEntry("supervisor", "王局长").containsEntry("detail", "开庭日期 2026-12-15"));
        assertThat(lastHearing(caseNumber)).containsEntry("headAbsence", "UNJUSTIFIED");
    }

    @Test
    void theHeadIsOneOfTheDefendantAgencyItself() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        Map<String, Object> otherUnit = plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        otherUnit.put("headUnit", "natural-resources");
        assertThatThrownBy(() -> tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), otherUnit))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("区人民政府本身").hasMessageContaining("法释〔2020〕3号第二条");

        // Art. 25: a department sued in its own name appears by its own head.
        Map<String, Object> data = TestCases.natresCase();
        data.put("defendant", "natural-resources");
        String own = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(own);
        hearingNotice("office", own, "2026-12-16");
        Task plan = walk.task(own, "PlanAppearanceTask");
        assertThat(tasks.getVariable(plan.getId(), "headUnit")).isEqualTo("natural-resources");
        assertThat(tasks.getVariable(plan.getId(), "headUnitName")).isEqualTo("区自然资源局");
        Map<String, Object> governmentHead = plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true)));
        governmentHead.put("headUnit", "district-government");
        assertThatThrownBy(() -> tasks.complete(plan.getId(), governmentHead)).hasMessageContaining("区自然资源局本身");
        tasks.complete(plan.getId(), plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(instance(own, "court-appearance")).isWaitingAt("AttendHearingTask");
    }

    @Test
    void aPostponementAskedForOnTheHearingDayNeedsTheReasonItIsLate() {
        String caseNumber = deliveredCase(Map.of());
        hearingNotice("office", caseNumber, "2026-12-15");
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(),
                plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        Task attend = walk.task(caseNumber, "AttendHearingTask");
        TestCases.today("2026-12-15");
        try {
            Map<String, Object> late = new java.util.HashMap<>(Map.of("hearingOutcome", "POSTPONED",
                    "postponementReason", "局长途中遇交通事故", "postponementRequested", true,
                    "postponementRequestedOn", "2026-12-15", "newHearingDate", "2026-12-22"));
            assertThatThrownBy(() -> tasks.complete(attend.getId(), late))
                    .isInstanceOf(FormFieldValidationException.class)
                    .satisfies(cn.shapotou.litigation.web.Refusals.naming("latePostponementReason")).hasMessageContaining("第九条第一款");
            late.put("postponementRequestedOn", "2026-12-16");
            assertThatThrownBy(() -> tasks.complete(attend.getId(), late)).as("not a day still to come")
                    .hasMessageContaining("不能晚于今天");
            late.put("postponementRequestedOn", "2026-12-15");
            late.put("latePostponementReason", "事故发生在开庭当日上午，无法提前申请");
            tasks.complete(attend.getId(), late);
        } finally {
            ClockUtil.reset();
        }
        assertThat(instance(caseNumber, "court-appearance")).hasPassed("HearingHeldGateway").isWaitingAt("PlanAppearanceTask");
        assertThat(lastHearing(caseNumber)).containsEntry("outcome", "POSTPONED")
                .containsEntry("postponementRequestedOn", "2026-12-15").containsEntry("requestedInAdvance", false)
                .containsEntry("latePostponementReason", "事故发生在开庭当日上午，无法提前申请")
                .containsEntry("newHearingDate", "2026-12-22");
    }

    @Test
    void thePowerOfAttorneyNamesAtMostTwoAgentsEachAndFollowsThePlan() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        data.put("reconsideration", "UPHELD");
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        for (Task part : walk.tasks(caseNumber, "PrepareAnswerTask")) {
            boolean justice = "justice-bureau".equals(runtime.getVariable(part.getExecutionId(), "answerUnit"));
            walk.filePapers(caseNumber, justice ? "justice-bureau" : "natural-resources");
            tasks.complete(part.getId(), CaseWalk.materials(justice
                    ? List.of(CaseWalk.agent("李强", "justice-bureau", "STAFF", false))
                    : List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true),
                            CaseWalk.agent("陈律师", "legal-counsel-office", "LAWYER", false))));
        }
        // lead unit + Justice Bureau + lawyer: three agents, so two 授权委托书 (行政诉讼法第三十一条第一款)
        String pdf = GeneratedDocuments.pdfText(document("natres", caseNumber, "power-of-attorney.pdf"));
        String word = GeneratedDocuments.docxText(document("natres", caseNumber, "power-of-attorney.docx"));
        for (String text : List.of(pdf, word)) {
            assertThat(count(text, "委托单位：")).isEqualTo(2);
            assertThat(count(text, "（盖章）")).isEqualTo(2);
            String first = text.substring(0, text.indexOf("委托单位：", text.indexOf("委托单位：") + 1));
            String second = text.substring(first.length());
            assertThat(first).contains("刘伟", "陈律师").doesNotContain("李强");
            assertThat(second).contains("李强").doesNotContain("刘伟", "陈律师");
        }

        hearingNotice("office", caseNumber, "2026-12-15");
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(), absencePlan("ACCIDENT",
                "局长因交通事故受伤住院", List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true),
                        CaseWalk.agent("李强", "justice-bureau", "STAFF", false))));
        // the plan's agents, who actually appear: one 授权委托书
        for (String text : List.of(GeneratedDocuments.pdfText(document("leader", caseNumber, "power-of-attorney.pdf")),
                GeneratedDocuments.docxText(document("leader", caseNumber, "power-of-attorney.docx")))) {
            assertThat(count(text, "委托单位：")).isEqualTo(1);
            assertThat(text).contains("刘伟", "李强", "中卫市沙坡头区人民政府（盖章）").doesNotContain("陈律师");
        }
        assertThat(GeneratedDocuments.docxText(document("leader", caseNumber, "head-absence-explanation.docx")))
                .contains("意外事件", "第八条第（二）项", "交通事故", "刘伟", "李强", "区司法局", "草稿");
    }
}
