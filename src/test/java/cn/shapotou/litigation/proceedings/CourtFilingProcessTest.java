package cn.shapotou.litigation.proceedings;

import static cn.shapotou.litigation.proceedings.ProceedingsFixture.completeAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code court-filing} (Art. 9 ¶3): every document the agents file with the court first gets the Justice Bureau's
 * opinion; a disagreement goes back to be revised or withdrawn; an agreed one is filed on a real day; a court deadline
 * for the filing makes each task due by it.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class CourtFilingProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    private ProcessInstance filing(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("court-filing").singleResult();
    }

    private long filings() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("court-filing").count();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, String caseNumber, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/{n}/filings", body, Map.class, caseNumber);
    }

    private static Map<String, Object> evidence() {
        Map<String, Object> body = new HashMap<>();
        body.put("filingKind", "SUPPLEMENTARY_EVIDENCE");
        body.put("filingTitle", "补充证据目录及说明");
        body.put("filingDraft", "1. 现场勘验照片 2. 送达回证");
        body.put("courtDeadline", "2026-12-10");
        return body;
    }

    private static List<String> groups(TaskService tasks, Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
    }

    @Test
    void anAgreedFilingIsFiledWithTheCourtByItsDeadline() {
        String caseNumber = ProceedingsFixture.openCase(walk);
        ResponseEntity<Map> created = post("natres", caseNumber, evidence());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("filingUnit", "natural-resources")
                .containsEntry("filingKind", "SUPPLEMENTARY_EVIDENCE").containsEntry("courtDeadline", "2026-12-10");

        ProcessInstance filing = filing(caseNumber);
        assertThat(filing).isWaitingAt("ReviewFilingTask").variables().containsEntry("caseNumber", caseNumber)
                .containsEntry("filingTitle", "补充证据目录及说明").containsEntry("filingKindName", "补充证据");
        Task review = walk.task(caseNumber, "ReviewFilingTask");
        assertThat(groups(tasks, review)).containsExactly("justice-bureau");
        assertThat(review.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 10)));
        assertThat((String) tasks.getVariable(review.getId(), "deadlineText")).contains("2026年12月10日", "补充证据");
        assertThatThrownBy(() -> completeAs(identity, tasks, "justice", "justice-bureau", review.getId(),
                Map.of("opinionResult", "AGREE"))).hasMessageContaining("区司法局意见");
        completeAs(identity, tasks, "justice", "justice-bureau", review.getId(),
                Map.of("opinionResult", "AGREE_WITH_CHANGES", "opinion", "删去第2项以外的说明后提交。"));

        assertThat(filing).hasPassed("OpinionGateway").isWaitingAt("FileWithCourtTask").variables()
                .containsEntry("opinion", "删去第2项以外的说明后提交。").containsEntry("opinionOn", "2026-12-01");
        Task file = walk.task(caseNumber, "FileWithCourtTask");
        assertThat(groups(tasks, file)).containsExactly("natural-resources");
        assertThat(file.getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 10)));
        assertThatThrownBy(() -> tasks.complete(file.getId(), Map.of("filedOn", "2026-12-05")))
                .hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> tasks.complete(file.getId(), Map.of("filedOn", "2026-11-30")))
                .hasMessageContaining("不能早于区司法局出具意见之日");
        TestCases.today("2026-12-03");
        completeAs(identity, tasks, "natres", "natural-resources", file.getId(), Map.of("filedOn", "2026-12-02"));
        assertThat(filing).isEnded().hasPassed("FiledEndEvent");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(filing.getId())
                .variableName("filedOn").singleResult().getValue()).isEqualTo("2026-12-02");

        List<?> listed = rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}/filings", List.class, caseNumber);
        assertThat(listed.toString()).contains("filedOn=2026-12-02", "status=DONE");
        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}/filings", String.class, caseNumber)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDisagreementGoesBackToBeRevisedAndMayEndInAWithdrawal() {
        String caseNumber = ProceedingsFixture.openCase(walk);
        ResponseEntity<Map> started = TestCases.submitStartForm(rest, "natres", "court-filing", Map.of("caseNumber", caseNumber,
                "filingKind", "POSTPONEMENT_APPLICATION", "filingTitle", "延期开庭申请书", "filingDraft", "因承办人出差申请延期。"));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessInstance filing = filing(caseNumber);
        Task review = walk.task(caseNumber, "ReviewFilingTask");
        assertThat(review.getDueDate()).as("no court deadline given").isNull();
        completeAs(identity, tasks, "justice", "justice-bureau", review.getId(),
                Map.of("opinionResult", "DISAGREE", "opinion", "出差不属于正当理由（第九条第一款），请另派代理人。"));

        assertThat(filing).isWaitingAt("ReviseFilingTask");
        Task revise = walk.task(caseNumber, "ReviseFilingTask");
        assertThat((String) tasks.getVariable(revise.getId(), "roundHistory"))
                .contains("第 1 轮", "区司法局审查：不同意提交", "出差不属于正当理由", "因承办人出差申请延期。", "延期开庭申请书");
        assertThat(groups(tasks, revise)).containsExactly("natural-resources");
        assertThatThrownBy(() -> tasks.complete(revise.getId(), Map.of("revision", "REVISE", "filingDraft", "")))
                .hasMessageContaining("修改后的文书内容或摘要");
        assertThatThrownBy(() -> tasks.complete(revise.getId(), Map.of("revision", "MAYBE")))
                .hasMessageContaining("处理方式");
        completeAs(identity, tasks, "natres", "natural-resources", revise.getId(),
                Map.of("revision", "REVISE", "filingDraft", "因承办人突发疾病住院申请延期，附住院证明。"));

        assertThat(filing).hasPassed("RevisionGateway").isWaitingAt("ReviewFilingTask").variables()
                .containsEntry("filingRound", 2).containsEntry("filingDraft", "因承办人突发疾病住院申请延期，附住院证明。");
        assertThat((String) tasks.getVariable(walk.task(caseNumber, "ReviewFilingTask").getId(), "roundHistory"))
                .as("the reviewer of round 2 sees round 1").contains("出差不属于正当理由", "因承办人出差申请延期。");
        completeAs(identity, tasks, "justice", "justice-bureau", walk.task(caseNumber, "ReviewFilingTask").getId(),
                Map.of("opinionResult", "DISAGREE", "opinion", "已另派代理人出庭，无需申请延期。"));
        Task again = walk.task(caseNumber, "ReviseFilingTask");
        assertThat((String) tasks.getVariable(again.getId(), "roundHistory"))
                .contains("第 2 轮", "第 1 轮", "已另派代理人出庭", "因承办人突发疾病住院申请延期");
        assertThatThrownBy(() -> tasks.complete(again.getId(), Map.of("revision", "WITHDRAW")))
                .hasMessageContaining("撤回理由");
        completeAs(identity, tasks, "natres", "natural-resources", again.getId(),
                Map.of("revision", "WITHDRAW", "withdrawalReason", "按区司法局意见另派代理人。"));
        assertThat(filing).isEnded().hasPassed("FilingWithdrawnEndEvent").hasNotPassed("FileWithCourtTask");
        String opinions = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(filing.getId())
                .variableName("filingOpinions").singleResult().getValue().toString();
        assertThat(opinions).contains("\"round\":1", "\"round\":2", "DISAGREE", "\"reviewer\":\"justice\"");
    }

    @Test
    void theJusticeBureauDoesNotGiveItsOpinionOnADraftOfTheSameOfficer() {
        String caseNumber = ProceedingsFixture.openCase(walk);
        Map<String, Object> body = evidence();
        body.remove("courtDeadline");
        body.put("filingKind", "WRITTEN_OPINION");
        assertThat(post("justice", caseNumber, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filing(caseNumber)).variables().containsEntry("filingUnit", "justice-bureau")
                .containsEntry("draftedBy", "justice");
        Task review = walk.task(caseNumber, "ReviewFilingTask");
        assertThatThrownBy(() -> completeAs(identity, tasks, "justice", "justice-bureau", review.getId(),
                Map.of("opinionResult", "AGREE", "opinion", "同意"))).hasMessageContaining("起草人本人");
        completeAs(identity, tasks, "justice2", "justice-bureau", review.getId(),
                Map.of("opinionResult", "AGREE", "opinion", "同意提交。"));
        assertThat(filing(caseNumber)).isWaitingAt("FileWithCourtTask");
    }

    @Test
    void theApiRefusesBadFilingsUnknownCasesAndClosedCasesChangingNothing() {
        String caseNumber = ProceedingsFixture.openCase(walk);
        long before = filings();
        Map<String, Object> badKind = evidence();
        badKind.put("filingKind", "LETTER");
        ResponseEntity<Map> refused = post("natres", caseNumber, badKind);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("文书种类须从选项中选择一项");
        Map<String, Object> past = evidence();
        past.put("courtDeadline", "2026-11-30");
        assertThat(post("natres", caseNumber, past).getBody().toString()).contains("法院规定的提交期限", "不能早于今天");
        Map<String, Object> noTitle = evidence();
        noTitle.remove("filingTitle");
        assertThat(post("natres", caseNumber, noTitle).getBody().toString()).contains("文书标题为必填项");
        Map<String, Object> otherUnit = evidence();
        otherUnit.put("filingUnit", "wenchang-town");
        ResponseEntity<Map> notParticipant = post("natres", caseNumber, otherUnit);
        assertThat(notParticipant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notParticipant.getBody().toString()).contains("提交单位", "不是本案的参与单位");

        assertThat(post("wenchang", caseNumber, evidence()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String closed = ProceedingsFixture.closedCase(walk, rest, tasks);
        ResponseEntity<Map> onClosed = post("natres", closed, evidence());
        assertThat(onClosed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(onClosed.getBody().toString()).contains("已办结归档");
        assertThat(filings()).as("nothing started").isEqualTo(before);
    }
}
