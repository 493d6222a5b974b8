package cn.shapotou.litigation.proceedings;

import static cn.shapotou.litigation.proceedings.ProceedingsFixture.completeAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.documents.GeneratedDocuments;
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
 * {@code major-issue-report} (Art. 9 ¶3): a participant reports a major issue in writing at any time, from Tasklist or
 * the API; the district leaders instruct; the reporting unit notes the instruction. Refusals change nothing.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class MajorIssueReportProcessTest {

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

    private ProcessInstance report(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("major-issue-report").singleResult();
    }

    private long reports() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("major-issue-report").count();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, String caseNumber, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/{n}/major-issues", body, Map.class, caseNumber);
    }

    @Test
    void aUnitReportsFromTasklistTheLeadersInstructAndTheUnitTakesNote() throws Exception {
        String caseNumber = ProceedingsFixture.openCase(walk);
        ResponseEntity<Map> started = TestCases.submitStartForm(rest, "natres", "major-issue-report", Map.of("caseNumber", caseNumber,
                "issue", "原告当庭增加行政赔偿请求", "reportText", "原告在证据交换时提出赔偿请求约50万元，建议组织研判。",
                "urgency", "URGENT"));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);

        ProcessInstance report = report(caseNumber);
        assertThat(report).isWaitingAt("ReadMajorIssueReportTask").variables()
                .containsEntry("caseNumber", caseNumber).containsEntry("reportedOn", "2026-12-01")
                .containsEntry("reportingUnit", "natural-resources").containsEntry("issue", "原告当庭增加行政赔偿请求")
                .containsEntry("reportedBy", "natres").containsEntry("reportSource", "AD_HOC");
        assertThat(report.getBusinessKey()).isEqualTo(caseNumber);
        Task read = walk.task(caseNumber, "ReadMajorIssueReportTask");
        assertThat(read.getPriority()).as("urgent first").isEqualTo(90);
        assertThat(tasks.getIdentityLinksForTask(read.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("district-leaders");

        // Participants see it through the engine's own API; a township not party to the case does not.
        String query = "/engine-rest/process-instance?processDefinitionKey=major-issue-report&businessKey={n}";
        assertThat(rest.withBasicAuth("leader", "demo").getForObject(query, List.class, caseNumber)).hasSize(1);
        assertThat(rest.withBasicAuth("natres", "demo").getForObject(query, List.class, caseNumber)).hasSize(1);
        assertThat(rest.withBasicAuth("wenchang", "demo").getForObject(query, List.class, caseNumber)).isEmpty();

        assertThatThrownBy(() -> completeAs(identity, tasks, "leader", "district-leaders", read.getId(), Map.of()))
                .hasMessageContaining("领导批示");
        completeAs(identity, tasks, "leader", "district-leaders", read.getId(),
                Map.of("instruction", "请区司法局牵头组织研判，依法应对。"));
        assertThat(report).isWaitingAt("NoteInstructionTask").variables()
                .containsEntry("instruction", "请区司法局牵头组织研判，依法应对。").containsEntry("instructedOn", "2026-12-01");
        Task note = walk.task(caseNumber, "NoteInstructionTask");
        assertThat(tasks.getIdentityLinksForTask(note.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("natural-resources");

        String id = report.getId();
        byte[] pdf = rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}/major-issues/{id}/report.pdf",
                byte[].class, caseNumber, id);
        assertThat(GeneratedDocuments.pdfText(pdf)).contains("诉讼中重大问题的报告", "区人民政府：", "第九条第三款",
                "原告当庭增加行政赔偿请求", "约50万元", "紧急", "请区司法局牵头组织研判", "区自然资源局", caseNumber);
        byte[] docx = rest.withBasicAuth("leader", "demo").getForObject("/api/cases/{n}/documents/major-issue-report.docx",
                byte[].class, caseNumber);
        assertThat(GeneratedDocuments.docxText(docx)).contains("诉讼中重大问题的报告", "原告当庭增加行政赔偿请求",
                "请区司法局牵头组织研判");
        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}/major-issues/{id}/report.pdf",
                String.class, caseNumber, id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/major-issues/{id}/report.pdf",
                String.class, caseNumber, "no-such-report").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThatThrownBy(() -> completeAs(identity, tasks, "natres", "natural-resources", note.getId(),
                Map.of("instructionNoted", false))).hasMessageContaining("知悉领导批示");
        completeAs(identity, tasks, "natres", "natural-resources", note.getId(),
                Map.of("instructionNoted", true, "actionTaken", "已与区司法局对接"));
        assertThat(report).isEnded().hasPassed("MajorIssueReportDoneEndEvent");

        List<?> listed = rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}/major-issues", List.class,
                caseNumber);
        assertThat(listed).hasSize(1);
        assertThat((Map<String, Object>) listed.get(0)).containsEntry("status", "DONE")
                .containsEntry("instruction", "请区司法局牵头组织研判，依法应对。").containsEntry("reportingUnit", "natural-resources");
    }

    @Test
    void tasklistOffersBothStartFormsToTheUnitsButNotToTheLeaders() {
        String query = "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
                + "&startablePermissionCheck=true";
        for (String unitUser : List.of("natres", "wenchang", "office", "justice", "counsel")) {
            assertThat(rest.withBasicAuth(unitUser, "demo").getForObject(query, List.class).toString()).as(unitUser)
                    .contains("key=major-issue-report", "key=court-filing", "重大问题书面报告", "向法院提交文书（征求区司法局意见）");
        }
        assertThat(rest.withBasicAuth("leader", "demo").getForObject(query, List.class).toString())
                .doesNotContain("key=major-issue-report").doesNotContain("key=court-filing");
        assertThat(rest.withBasicAuth("natres", "demo").getForObject(
                "/engine-rest/process-definition/key/major-issue-report/startForm", Map.class).toString())
                .contains("report-major-issue");
    }

    @Test
    void theApiStartsAReportAndRefusesWhatItMustChangingNothing() {
        String caseNumber = ProceedingsFixture.openCase(walk);
        long before = reports();
        ResponseEntity<Map> created = post("justice", caseNumber, Map.of("issue", "合议庭拟调取复议卷宗",
                "reportText", "法院通知补充提交复议卷宗，需协调。"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("caseNumber", caseNumber).containsEntry("reportingUnit", "justice-bureau")
                .containsEntry("reportedOn", "2026-12-01").containsEntry("urgency", "NORMAL");
        assertThat(created.getBody().get("report").toString()).contains("/major-issues/", "report.pdf");
        assertThat(reports()).isEqualTo(before + 1);

        ResponseEntity<Map> missing = post("natres", caseNumber, Map.of("reportText", "没有写明问题"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("重大问题为必填项");
        ResponseEntity<Map> notOwnUnit = post("natres", caseNumber, Map.of("reportingUnit", "justice-bureau",
                "issue", "问题", "reportText", "内容"));
        assertThat(notOwnUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notOwnUnit.getBody().toString()).contains("报告单位", "本人所在单位");
        ResponseEntity<Map> unknownField = post("natres", caseNumber, Map.of("issue", "问题", "reportText", "内容",
                "instruction", "自批"));
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().toString()).contains("未知字段：instruction");
        ResponseEntity<Map> badUrgency = post("natres", caseNumber, Map.of("issue", "问题", "reportText", "内容",
                "urgency", "VERY"));
        assertThat(badUrgency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badUrgency.getBody().toString()).contains("紧急程度");

        ResponseEntity<Map> stranger = post("wenchang", caseNumber, Map.of("issue", "问题", "reportText", "内容"));
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.getBody().toString()).contains("没有案号为", "无权查看");
        assertThat(post("natres", "（2026）宁0502行初不存在号", Map.of("issue", "问题", "reportText", "内容"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String closed = ProceedingsFixture.closedCase(walk, rest, tasks);
        ResponseEntity<Map> onClosed = post("natres", closed, Map.of("issue", "问题", "reportText", "内容"));
        assertThat(onClosed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(onClosed.getBody().toString()).contains("已办结归档");
        assertThat(reports()).as("a refused request starts nothing").isEqualTo(before + 1);

        ResponseEntity<Map> tasklistClosed = TestCases.submitStartForm(rest, "natres", "major-issue-report",
                Map.of("caseNumber", closed, "issue", "问题", "reportText", "内容"));
        assertThat(tasklistClosed.getStatusCode().is4xxClientError()).isTrue();
        assertThat(tasklistClosed.getBody().toString()).contains("已办结归档");
        ResponseEntity<Map> tasklistStranger = TestCases.submitStartForm(rest, "wenchang", "major-issue-report",
                Map.of("caseNumber", caseNumber, "issue", "问题", "reportText", "内容"));
        assertThat(tasklistStranger.getBody().toString()).contains("没有案号为");
        assertThat(reports()).isEqualTo(before + 1);
    }
}
