package cn.shapotou.litigation.answer;

import static cn.shapotou.litigation.CaseWalk.agent;
import static cn.shapotou.litigation.CaseWalk.materials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of {@code answer-preparation}: counsel, the 7-day answer per unit, pre-trial review, review loop, delivery. */
@IntegrationTest
class AnswerPreparationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;

    CaseWalk walk;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        walk = new CaseWalk(runtime, tasks);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    /** Completes a task as this user of this unit, as Tasklist does. */
    private void completeAs(String user, String group, String taskId, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task part(String caseNumber, String unit) {
        return walk.tasks(caseNumber, "PrepareAnswerTask").stream()
                .filter(t -> unit.equals(runtime.getVariable(t.getExecutionId(), "answerUnit"))).findFirst().orElseThrow();
    }

    private List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static final Map<String, Object> RECONSIDERATION_PART = Map.of("draftDefence", "复议部分答辩意见：复议程序合法",
            "evidenceList", "复议卷宗", "normativeDocuments", "《中华人民共和国行政复议法》",
            "agents", List.of(agent("李强", "justice-bureau", "STAFF", false)));

    private static final Map<String, Object> REPORT = Map.of("upheldReportSummary", "原告不服采矿许可撤销决定申请复议，区人民政府复议维持。",
            "upheldReportPoints", "撤销决定事实清楚、程序合法；复议决定程序合法。");

    @Test
    void anUpheldCaseIsReportedInWritingToTheDistrictGovernmentAndReadByTheLeadersBeforeTheSeal() throws Exception {
        String caseNumber = approvedCase(Map.of("reconsideration", "UPHELD"));
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        completeAs("justice", "justice-bureau", part(caseNumber, "justice-bureau").getId(), RECONSIDERATION_PART);
        completeAs("natres", "natural-resources", part(caseNumber, "natural-resources").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));

        // Art. 10 ¶2 review by the Justice Bureau, but not by the officer who drafted its reconsideration part.
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat(groupsOf(review)).containsExactly("justice-bureau");
        assertThatThrownBy(() -> completeAs("justice", "justice-bureau", review.getId(), Map.of("reviewPassed", true)))
                .hasMessageContaining("起草人本人");
        assertThat(stage(caseNumber)).isWaitingAt("ReviewAnswerTask");
        completeAs("justice2", "justice-bureau", review.getId(), Map.of("reviewPassed", true));

        // Art. 4 ¶4: the acting unit reports in writing to the district government, by the statutory answer day.
        assertThat(stage(caseNumber)).hasPassed("UpheldReportGateway").isWaitingAt("WriteUpheldReportTask");
        Task write = walk.task(caseNumber, "WriteUpheldReportTask");
        assertThat(groupsOf(write)).containsExactly("natural-resources");
        assertThat(write.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        assertThatThrownBy(() -> tasks.complete(write.getId(), Map.of("upheldReportSummary", " ")))
                .hasMessageContaining("基本案情").hasMessageContaining("答辩主要观点");
        completeAs("natres", "natural-resources", write.getId(), REPORT);

        String pdf = GeneratedDocuments.pdfText(rest.withBasicAuth("leader", "demo").getForObject(
                "/api/cases/{n}/documents/upheld-case-report.pdf", byte[].class, caseNumber));
        assertThat(pdf).contains("一案应诉工作的报告", "区人民政府：", caseNumber, "复议维持", "基本案情", "区人民政府复议维持",
                "答辩主要观点", "程序合法", "复议卷宗", "现场勘验笔录", "《中华人民共和国土地管理法》", "刘伟", "李强",
                "加盖区人民政府公章", "区自然资源局");
        ResponseEntity<byte[]> word = rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/upheld-case-report.docx", byte[].class, caseNumber);
        assertThat(word.getHeaders().getContentDisposition().getFilename()).isEqualTo("应诉工作书面报告-" + caseNumber + ".docx");
        assertThat(GeneratedDocuments.docxText(word.getBody())).contains("一案应诉工作的报告", "区人民政府：", "复议卷宗",
                "现场勘验笔录", "刘伟", "李强", "加盖区人民政府公章");
        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}/documents/upheld-case-report.pdf",
                String.class, caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // The leaders read it and return it: the units correct their parts in the next round.
        Task read = walk.task(caseNumber, "ReadUpheldReportTask");
        assertThat(groupsOf(read)).containsExactly("district-leaders");
        assertThat(read.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        assertThatThrownBy(() -> tasks.complete(read.getId(), Map.of("upheldReportApproved", false)))
                .hasMessageContaining("领导批示");
        completeAs("leader", "district-leaders", read.getId(),
                Map.of("upheldReportApproved", false, "upheldReportInstructions", "请补充复议决定送达回证。"));
        assertThat(stage(caseNumber)).hasPassed("ReportReadGateway").isWaitingAt("PrepareAnswerTask", "PrepareAnswerTask");
        Task again = part(caseNumber, "justice-bureau");
        assertThat(tasks.getVariable(again.getId(), "draftDefence")).isEqualTo("复议部分答辩意见：复议程序合法");
        assertThat(tasks.getVariable(again.getId(), "upheldReportInstructions")).isEqualTo("请补充复议决定送达回证。");
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "answerRound")).isEqualTo(2);
        // Both reviews of round 1 are shown: the Justice Bureau's pass and the leaders' return, with the report read.
        assertThat((String) tasks.getVariable(again.getId(), "roundHistory")).contains("区司法局审核答辩材料：通过",
                "区政府领导阅示书面报告：退回修改", "请补充复议决定送达回证。", "原告不服采矿许可撤销决定申请复议",
                "复议部分答辩意见：复议程序合法");
        Map<String, Object> corrected = new HashMap<>(RECONSIDERATION_PART);
        corrected.put("evidenceList", "复议卷宗、复议决定送达回证");
        completeAs("justice", "justice-bureau", again.getId(), corrected);
        completeAs("natres", "natural-resources", part(caseNumber, "natural-resources").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        completeAs("justice2", "justice-bureau", walk.task(caseNumber, "ReviewAnswerTask").getId(),
                Map.of("reviewPassed", true));
        completeAs("natres", "natural-resources", walk.task(caseNumber, "WriteUpheldReportTask").getId(), REPORT);
        completeAs("leader", "district-leaders", walk.task(caseNumber, "ReadUpheldReportTask").getId(),
                Map.of("upheldReportApproved", true, "upheldReportInstructions", "同意，盖章后送交法院。"));

        assertThat(stage(caseNumber)).isWaitingAt("SealAndDeliverTask");
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "upheldReportReadings").toString())
                .contains("\"approved\":false", "请补充复议决定送达回证", "\"approved\":true", "\"leader\":\"leader\"");
        tasks.complete(walk.task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", "2026-11-25", "deliveryMethod", "IN_PERSON"));
        assertThat(stage(caseNumber)).isNull();
        assertThat(caseInstance(caseNumber)).variables().containsEntry("answerDeliveredOn", "2026-11-25");
    }

    @Test
    void aCaseTheJusticeBureauHandlesItselfIsReviewedByTheDistrictLeaders() {
        String caseNumber = approvedCase(Map.of("reconsideration", "SOLE_DEFENDANT", "suedAct", "RECONSIDERATION"));
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "leadUnit")).isEqualTo("justice-bureau");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(groupsOf(prepare)).contains("justice-bureau");
        completeAs("justice", "justice-bureau", prepare.getId(), materials(List.of(agent("李强", "justice-bureau", "STAFF", true))));

        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat(groupsOf(review)).as("Art. 3 ¶1: the Justice Bureau does not review its own answer")
                .containsExactly("district-leaders");
        assertThat(review.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        completeAs("leader", "district-leaders", review.getId(), Map.of("reviewPassed", true));
        assertThat(stage(caseNumber)).as("no written report: the case was not upheld by the district's reconsideration")
                .hasPassed("UpheldReportGateway").hasNotPassed("WriteUpheldReportTask").isWaitingAt("SealAndDeliverTask");
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "answerReviews").toString())
                .contains("\"reviewer\":\"leader\"");
    }

    @Test
    void aPartClaimedByAnOfficerIsTheirDraftAsTheTaskHistoryShows() {
        String caseNumber = approvedCase(Map.of("reconsideration", "UPHELD"));
        Task justicePart = part(caseNumber, "justice-bureau");
        tasks.claim(justicePart.getId(), "justice");
        tasks.complete(justicePart.getId(), RECONSIDERATION_PART);
        tasks.complete(part(caseNumber, "natural-resources").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThatThrownBy(() -> completeAs("justice", "justice-bureau", review.getId(), Map.of("reviewPassed", true)))
                .hasMessageContaining("起草人本人");
        completeAs("justice2", "justice-bureau", review.getId(), Map.of("reviewPassed", true));
        assertThat(stage(caseNumber)).isWaitingAt("WriteUpheldReportTask", "AssignCounselTask");
    }

    @Test
    void nobodyReviewsAnAnswerTheyDraftedThemselves() {
        String caseNumber = approvedCase(Map.of());
        identity.setAuthentication("demo", List.of("camunda-admin"));
        try {
            tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                    materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
            Task review = walk.task(caseNumber, "ReviewAnswerTask");
            assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewPassed", true)))
                    .hasMessageContaining("起草人本人");
        } finally {
            identity.clearAuthentication();
        }
        completeAs("justice", "justice-bureau", walk.task(caseNumber, "ReviewAnswerTask").getId(),
                Map.of("reviewPassed", true));
        assertThat(stage(caseNumber)).isWaitingAt("SealAndDeliverTask", "AssignCounselTask");
    }

    private static void today(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, LegalClock.ZONE).toInstant()));
    }

    /** Approved, and both units that may prepare a part have their 答辩状 and evidence in the case file. */
    private String approvedCase(Map<String, Object> changes) {
        String caseNumber = approvedCaseWithoutPapers(changes);
        walk.filePapers(caseNumber, "natural-resources");
        walk.filePapers(caseNumber, "justice-bureau");
        return caseNumber;
    }

    private String approvedCaseWithoutPapers(Map<String, Object> changes) {
        Map<String, Object> data = TestCases.natresCase();
        data.putAll(changes);
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        return caseNumber;
    }

    private ProcessInstance stage(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("answer-preparation").singleResult();
    }

    private ProcessInstance caseInstance(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
    }

    @Test
    void approvedOnTheDayBeforeNationalDayTheSevenDaysEndOnOctoberEighth() {
        today(2026, 9, 28);
        String caseNumber = approvedCase(Map.of("noticeReceivedOn", "2026-09-25"));

        assertThat(stage(caseNumber)).isWaitingAt("AssignCounselTask", "PrepareAnswerTask");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        // 2026-09-28 + 7 = 2026-10-05, inside National Day (10-01..10-07): due Thursday 2026-10-08.
        assertThat(prepare.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 10, 8)));
        assertThat(walk.task(caseNumber, "AssignCounselTask").getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 10, 8)));
        assertThat(tasks.getIdentityLinksForTask(prepare.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources");
        assertThat((String) tasks.getVariable(prepare.getId(), "deadlineText")).contains("2026年10月8日");
    }

    @Test
    void theWholeStageFromCounselToDelivery() {
        String caseNumber = approvedCase(Map.of());
        Task counselTask = walk.task(caseNumber, "AssignCounselTask");
        assertThat(tasks.getVariable(counselTask.getId(), "counselOptions").toString()).contains("\"counsel\"");
        tasks.complete(counselTask.getId(), Map.of("counsel", "counsel"));
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(tasks.getIdentityLinksForTask(prepare.getId())).extracting(IdentityLink::getUserId).contains("counsel");

        tasks.complete(prepare.getId(), materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(stage(caseNumber)).hasPassed("PretrialReviewGateway").isWaitingAt("ReviewAnswerTask");
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat((String) tasks.getVariable(review.getId(), "answerSummary")).contains("刘伟")
                .contains("《答辩状》第1版（答辩状.docx）").contains("《现场勘验笔录》第1版");
        // the statutory answer deadline, 2026-11-20 + 15 days, moved over the weekend
        assertThat(review.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        tasks.complete(review.getId(), Map.of("reviewPassed", "true"));

        Task seal = walk.task(caseNumber, "SealAndDeliverTask");
        assertThat(seal.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        tasks.complete(seal.getId(), Map.of("sealed", true, "deliveredOn", "2026-11-25", "deliveryMethod", "IN_PERSON"));

        ProcessInstance instance = caseInstance(caseNumber);
        assertThat(instance).isWaitingAt("DecisionReceivedEvent").variables()
                .containsEntry("answerDeliveredOn", "2026-11-25").containsEntry("answerDeliveredLate", false)
                .containsEntry("counsel", "counsel");
        assertThat(runtime.getVariable(instance.getId(), "deadlines").toString()).contains("answerMaterials");
        assertThat(stage(caseNumber)).isNull();
    }

    @Test
    void aReturnedAnswerComesBackFilledInAndEveryRoundStaysOnRecord() {
        String caseNumber = approvedCase(Map.of());
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        Task review = walk.task(caseNumber, "ReviewAnswerTask");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewPassed", false)))
                .hasMessageContaining("审核意见");
        tasks.complete(review.getId(), Map.of("reviewPassed", false, "reviewRemarks", "证据清单缺少送达回证"));

        assertThat(stage(caseNumber)).hasPassed("ReviewPassedGateway").isWaitingAt("PrepareAnswerTask");
        Task again = walk.task(caseNumber, "PrepareAnswerTask");
        assertThat(tasks.getIdentityLinksForTask(again.getId())).extracting(IdentityLink::getUserId).contains("counsel");
        assertThat(tasks.getVariable(again.getId(), "draftDefence")).isEqualTo("答辩人认为被诉行为事实清楚、证据确实充分。");
        assertThat(tasks.getVariable(again.getId(), "agent1Name")).isEqualTo("刘伟");
        assertThat(tasks.getVariable(again.getId(), "agent1IsHandler")).isEqualTo(true);
        assertThat(tasks.getVariable(again.getId(), "reviewRemarks")).isEqualTo("证据清单缺少送达回证");
        // Art. 10 ¶2: the unit sees why it was returned and the materials it had submitted.
        assertThat((String) tasks.getVariable(again.getId(), "roundHistory"))
                .contains("第 1 轮", "区司法局审核答辩材料：退回修改", "证据清单缺少送达回证", "答辩人认为被诉行为事实清楚");

        Map<String, Object> corrected = new HashMap<>(materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        corrected.put("evidenceList", "1. 现场勘验笔录 2. 送达回证");
        tasks.complete(again.getId(), corrected);
        Task second = walk.task(caseNumber, "ReviewAnswerTask");
        assertThat((String) tasks.getVariable(second.getId(), "roundHistory")).as("the reviewer of round 2 sees round 1")
                .contains("第 1 轮", "证据清单缺少送达回证");
        tasks.complete(second.getId(), Map.of("reviewPassed", true));
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "answerRounds").toString())
                .contains("\"round\":1", "\"returned\":true", "\"round\":2", "\"returned\":false");
        String reviews = runtime.getVariable(stage(caseNumber).getId(), "answerReviews").toString();
        assertThat(reviews).contains("\"round\":1", "\"passed\":false", "证据清单缺少送达回证", "\"round\":2", "\"passed\":true");
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "answerMaterials").toString())
                .contains("送达回证", "\"round\":2");
    }

    @Test
    void anUpheldCaseHasTheActingUnitAndTheJusticeBureauPrepareInParallel() {
        String caseNumber = approvedCase(Map.of("reconsideration", "UPHELD"));
        List<Task> parts = walk.tasks(caseNumber, "PrepareAnswerTask");
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(parts.get(0).getDueDate()));
        List<String> groups = parts.stream().flatMap(t -> tasks.getIdentityLinksForTask(t.getId()).stream())
                .map(IdentityLink::getGroupId).toList();
        assertThat(groups).contains("natural-resources", "justice-bureau");
        Task justicePart = parts.stream().filter(t -> "justice-bureau".equals(runtime.getVariable(t.getExecutionId(),
                "answerUnit"))).findFirst().orElseThrow();
        assertThat(tasks.getVariable(justicePart.getId(), "answerUnitName")).isEqualTo("区司法局");
        Map<String, Object> reconsiderationPart = Map.of("draftDefence", "复议部分答辩意见", "evidenceList", "复议卷宗",
                "normativeDocuments", "《行政复议法》", "agents", List.of(agent("李强", "justice-bureau", "STAFF", false)));
        tasks.complete(justicePart.getId(), reconsiderationPart);
        assertThat(stage(caseNumber)).isWaitingAt("PrepareAnswerTask");
        Task leadPart = walk.task(caseNumber, "PrepareAnswerTask");
        tasks.complete(leadPart.getId(), materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        assertThat(stage(caseNumber)).isWaitingAt("ReviewAnswerTask", "AssignCounselTask");
        assertThat(runtime.getVariable(stage(caseNumber).getId(), "answerSummary").toString())
                .contains("区司法局", "复议部分答辩意见", "区自然资源局");
    }

    @Test
    void aComplexCaseMayAskForAPretrialReviewOnce() {
        String caseNumber = approvedCase(Map.of());
        runtime.setVariable(stage(caseNumber).getId(), "complexity", "COMPLEX");
        Map<String, Object> withReview = new HashMap<>(materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        withReview.put("pretrialReviewRequested", true);
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(), withReview);
        assertThat(stage(caseNumber)).isWaitingAt("PretrialReviewTask");
        Task pretrial = walk.task(caseNumber, "PretrialReviewTask");
        assertThatThrownBy(() -> tasks.complete(pretrial.getId(), Map.of())).hasMessageContaining("论证、研判意见");
        tasks.complete(pretrial.getId(), Map.of("pretrialConclusions", "败诉风险低，建议补强程序证据"));
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(),
                Map.of("reviewPassed", false, "reviewRemarks", "按论证意见补强"));
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(), withReview);
        assertThat(stage(caseNumber)).as("the pre-trial review is not repeated").isWaitingAt("ReviewAnswerTask");
    }

    @Test
    void incompleteMaterialsAndImpossibleDeliveriesAreRefused() {
        String caseNumber = approvedCaseWithoutPapers(Map.of());
        Task counselTask = walk.task(caseNumber, "AssignCounselTask");
        assertThatThrownBy(() -> tasks.complete(counselTask.getId(), Map.of("counsel", "natres")))
                .hasMessageContaining("区法律顾问室");
        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        assertThatThrownBy(() -> tasks.complete(prepare.getId(), Map.of("draftDefence", " ")))
                .hasMessageContaining("上传本单位的答辩状").hasMessageContaining("至少一份")
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("normativeDocuments"))
                .hasMessageContaining("法定代表人姓名").hasMessageContaining("至少载明一名诉讼代理人");
        Map<String, Object> withAgents = materials(List.of(agent("刘伟", "natural-resources", "STAFF", true)));
        // Another unit's papers are not this unit's (each part answers for its own, Art. 6 ¶2).
        walk.filePapers(caseNumber, "justice-bureau");
        assertThatThrownBy(() -> tasks.complete(prepare.getId(), withAgents)).hasMessageContaining("上传本单位的答辩状");
        Map<String, Object> badAgent = materials(List.of(Map.of("agentName", "某人", "agentKind", "CLERK")));
        assertThatThrownBy(() -> tasks.complete(prepare.getId(), badAgent)).hasMessageContaining("第六条第三款");
        walk.filePapers(caseNumber, "natural-resources");
        tasks.complete(prepare.getId(), withAgents);
        Map<String, Object> submitted = AnswerMaterials.parse(runtime.getVariable(stage(caseNumber).getId(),
                AnswerMaterials.VARIABLE)).get("natural-resources");
        assertThat(submitted.get("defenceFiles").toString()).contains("答辩状.docx").contains("version=1");
        assertThat(submitted.get("evidenceFiles").toString()).contains("现场勘验笔录.pdf");
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        Task seal = walk.task(caseNumber, "SealAndDeliverTask");
        assertThatThrownBy(() -> tasks.complete(seal.getId(), Map.of("sealed", false, "deliveredOn", "2026-11-25")))
                .hasMessageContaining("公章");
        assertThatThrownBy(() -> tasks.complete(seal.getId(), Map.of("sealed", true, "deliveredOn", "2999-01-01")))
                .hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> tasks.complete(seal.getId(), Map.of("sealed", true, "deliveredOn", "2026-11-01")))
                .hasMessageContaining("不能早于收到起诉状副本之日");
        assertThat(stage(caseNumber)).isWaitingAt("SealAndDeliverTask", "AssignCounselTask");
    }

    @Test
    void aLateDeliveryIsRecordedAsLate() {
        today(2026, 12, 10);
        String caseNumber = approvedCase(Map.of());
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                materials(List.of(agent("刘伟", "natural-resources", "STAFF", true))));
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        tasks.complete(walk.task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", "2026-12-09", "deliveryMethod", "POST"));
        assertThat(caseInstance(caseNumber)).variables().containsEntry("answerDeliveredLate", true);
        assertThat(String.valueOf(runtime.getVariable(caseInstance(caseNumber).getId(), "accountabilityFacts")))
                .as("Art. 22: a late answer is a fact for accountability review").contains("LATE_ANSWER", "2026-12-07");
    }

    @Test
    void theCertificateAndThePowerOfAttorneyArePrintableAndNameTheAgents() throws Exception {
        String caseNumber = approvedCase(Map.of("reconsideration", "UPHELD"));
        for (Task part : walk.tasks(caseNumber, "PrepareAnswerTask")) {
            boolean justice = "justice-bureau".equals(runtime.getVariable(part.getExecutionId(), "answerUnit"));
            tasks.complete(part.getId(), materials(List.of(justice
                    ? agent("李强", "justice-bureau", "STAFF", false)
                    : agent("刘伟", "natural-resources", "STAFF", true))));
        }
        ResponseEntity<byte[]> attorney = rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/power-of-attorney.pdf", byte[].class, caseNumber);
        assertThat(attorney.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(attorney.getHeaders().getContentType().toString()).startsWith("application/pdf");
        String text = pdfText(attorney.getBody());
        assertThat(text).contains("授权委托书", "刘伟", "李强", "区自然资源局", "区司法局", "中卫市沙坡头区人民政府", caseNumber);

        ResponseEntity<byte[]> certificate = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/cases/{n}/documents/legal-representative-certificate.pdf", byte[].class, caseNumber);
        assertThat(pdfText(certificate.getBody())).contains("法定代表人身份证明书", "马区长", "区长");

        ResponseEntity<byte[]> word = rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/power-of-attorney.docx", byte[].class, caseNumber);
        assertThat(word.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(word.getHeaders().getContentType().toString()).startsWith(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(word.getHeaders().getContentDisposition().getFilename()).isEqualTo("授权委托书-" + caseNumber + ".docx");
        assertThat(GeneratedDocuments.docxText(word.getBody()))
                .contains("授权委托书", "刘伟", "李强", "区自然资源局", "区司法局", "中卫市沙坡头区人民政府（盖章）", caseNumber);
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/power-of-attorney.txt", String.class, caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity(
                "/api/cases/{n}/documents/power-of-attorney.pdf", String.class, caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/nonsense.pdf", String.class, caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        return GeneratedDocuments.pdfText(pdf);
    }
}
