package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.shapotou.litigation.escalation.SupervisionFixture.item;
import static cn.shapotou.litigation.escalation.SupervisionFixture.key;

import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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

/**
 * Process {@code supervision} on its own (《办法》第三条): issued, replied, reviewed and closed or reported to the
 * district leaders; ended by the item being done at every step; the reply's expected day checked; read only by the
 * Justice Bureau, the district leaders and the unit charged.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class SupervisionProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    Supervisions supervisions;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    SupervisionFixture supervision;

    @BeforeEach
    void init() {
        TestCases.today("2026-12-10");
        supervision = new SupervisionFixture(engine, supervisions);
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    @Test
    void issuedRepliedAndClosed() {
        OverdueItem item = item(key(), null);
        ProcessInstance instance = supervision.started(item);
        assertThat(instance.getBusinessKey()).isEqualTo(item.caseNumber());
        assertThat(instance).variables().containsEntry("supervisedItem", item.key())
                .containsEntry("caseNumber", item.caseNumber()).containsEntry("unit", "natural-resources")
                .containsEntry("due", "2026-12-07").containsEntry("daysOverdue", 3L)
                .containsEntry("noticeUrl", "/api/supervision/" + instance.getId() + "/notice");
        Task issueTask = task(instance);
        assertThat(issueTask.getName()).isEqualTo("发出督办");
        assertThat(issueTask.getPriority()).isEqualTo(80);
        assertThat(groups(issueTask)).containsExactly("justice-bureau");
        assertThat(issueTask.getDueDate()).as("a 督办 is not itself an overdue item").isNull();

        supervision.issue(instance, "PHONE");
        assertThat(instance).isWaitingAt("ReplySupervisionTask").variables()
                .containsEntry("supervisionMethodName", "电话").containsEntry("issuedBy", "justice")
                .containsEntry("issuedOn", "2026-12-10");
        assertThat(groups(task(instance))).containsExactly("natural-resources");

        supervision.reply(instance, "2026-12-10");
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask").variables()
                .containsEntry("expectedCompletionOn", "2026-12-10").containsEntry("repliedBy", "natres");
        supervision.review(instance, "CLOSE");
        assertThat(instance).hasPassed("SupervisionClosedEndEvent").isEnded();
    }

    @Test
    void issuedByNoticeRepliedAndReportedToTheDistrictLeaders() {
        ProcessInstance instance = supervision.started(item(key(), "statutoryAnswer"));
        Task issueTask = task(instance);
        assertThat(issueTask.getPriority()).as("a missed court deadline comes first").isEqualTo(90);
        assertThat(groups(issueTask)).containsExactlyInAnyOrder("justice-bureau", "district-leaders");
        supervision.issue(instance, "NOTICE");
        assertThat(instance).variables().containsEntry("supervisionMethodName", "督办通知书");
        supervision.reply(instance, "2026-12-20");
        supervision.review(instance, "ESCALATE");
        assertThat(instance).isWaitingAt("LeadersReadSupervisionTask");
        Task read = task(instance);
        assertThat(read.getName()).isEqualTo("督办：区政府领导阅处");
        assertThat(groups(read)).containsExactly("district-leaders");
        assertThatThrownBy(() -> supervision.as("leader", "district-leaders",
                () -> tasks.complete(read.getId(), Map.of())))
                .hasMessageContaining("领导批示为必填项");
        supervision.as("leader", "district-leaders",
                () -> tasks.complete(read.getId(), Map.of("leaderRemarks", "限期办结。")));
        assertThat(instance).hasPassed("LeadersReadSupervisionTask", "LeadersReadEndEvent").isEnded();
    }

    @Test
    void theReplyNamesADayNotYetPastAndTheIssueAMethod() {
        ProcessInstance instance = supervision.started(item(key(), null));
        String issueTask = task(instance).getId();
        assertThatThrownBy(() -> supervision.as("justice", "justice-bureau", () -> tasks.complete(issueTask,
                Map.of("supervisionMethod", "MAIL", "supervisionRemarks", ""))))
                .hasMessageContaining("督办方式须从选项中选择一项")
                .hasMessageContaining("督办意见为必填项");
        supervision.issue(instance, "INTERVIEW");
        assertThatThrownBy(() -> supervision.reply(instance, "2026-12-09"))
                .hasMessageContaining("预计完成日期不能早于今天（2026-12-10）");
        assertThatThrownBy(() -> supervision.as("natres", "natural-resources", () -> tasks.complete(
                task(instance).getId(),
                Map.of("delayReason", "原因"))))
                .hasMessageContaining("预计完成日期为必填项");
        assertThat(instance).isWaitingAt("ReplySupervisionTask");
        supervision.reply(instance, "2026-12-11");
        assertThatThrownBy(() -> supervision.review(instance, "LATER")).hasMessageContaining("审查结论");
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask");
    }

    @Test
    void eachStepAndTheNoticeSayHowLateTheItemIsOnTheirOwnDay() throws Exception {
        ProcessInstance instance = supervision.started(item(key(), null));
        assertThat(instance).variables().containsEntry("daysOverdue", 3L);
        // issued four days after the sweep raised it
        TestCases.today("2026-12-14");
        supervision.issue(instance, "NOTICE");
        assertThat(instance).isWaitingAt("ReplySupervisionTask").variables().containsEntry("daysOverdue", 7L);
        var pdf = rest.withBasicAuth("justice", "demo").getForEntity("/api/supervision/" + instance.getId()
                + "/notice.pdf", byte[].class);
        assertThat(cn.shapotou.litigation.documents.GeneratedDocuments.pdfText(pdf.getBody()))
                .contains("2026年12月7日", "已逾期7日").doesNotContain("已逾期3日");
        TestCases.today("2026-12-15");
        supervision.reply(instance, "2026-12-20");
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask").variables().containsEntry("daysOverdue", 8L);
    }

    @Test
    void theItemDoneEndsItAtEveryStep() {
        // before the first task is created (the start's save point)
        OverdueItem waiting = item(key(), null);
        ProcessInstance atStart = runtime.createProcessInstanceQuery()
                .processInstanceId(supervisions.start(waiting)).singleResult();
        assertThat(supervisions.end(atStart.getId(), waiting.key())).isTrue();
        assertThat(atStart).hasPassed("ItemDoneEndEvent").isEnded();

        for (String step : List.of("IssueSupervisionTask", "ReplySupervisionTask", "ReviewSupervisionReplyTask",
                "LeadersReadSupervisionTask")) {
            OverdueItem item = item(key(), null);
            ProcessInstance instance = supervision.started(item);
            if (!step.equals("IssueSupervisionTask")) {
                supervision.issue(instance, "PHONE");
            }
            if (step.equals("ReviewSupervisionReplyTask") || step.equals("LeadersReadSupervisionTask")) {
                supervision.reply(instance, "2026-12-12");
            }
            if (step.equals("LeadersReadSupervisionTask")) {
                supervision.review(instance, "ESCALATE");
            }
            assertThat(instance).isWaitingAt(step);
            assertThat(supervisions.end(instance.getId(), item.key())).isTrue();
            assertThat(instance).as(step).hasPassed("ItemDoneStartEvent", "ItemDoneEndEvent").isEnded();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("ItemDoneEndEvent").singleResult().getActivityName()).isEqualTo("结束：事项已办结");
            assertThat(supervisions.end(instance.getId(), item.key())).as("ended already").isFalse();
        }
    }

    @Test
    void onlyTheJusticeBureauTheLeadersAndTheUnitChargedReadIt() {
        ProcessInstance instance = supervision.started(item(key(), null));
        String id = instance.getId();
        for (String group : List.of("justice-bureau", "district-leaders", "natural-resources")) {
            identity.setAuthentication("probe-" + group, List.of(group));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as(group).isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as(group)
                    .isEqualTo(1);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
                    .variableName("supervisedItem").count()).as(group).isEqualTo(1);
        }
        for (String group : List.of("housing", "district-office", "legal-counsel-office")) {
            identity.setAuthentication("probe-" + group, List.of(group));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as(group).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as(group).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).as(group)
                    .isZero();
        }
        identity.setAuthentication("probe-admin", List.of("camunda-admin"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);
    }

    @Test
    void theNoticeNamesTheUnitTheCaseTheItemItsDeadlineAndTheBasis() throws Exception {
        OverdueItem item = item(key(), null);
        ProcessInstance instance = supervision.started(item);
        supervision.issue(instance, "NOTICE");
        String url = "/api/supervision/" + instance.getId() + "/notice.";
        var pdf = rest.withBasicAuth("justice", "demo").getForEntity(url + "pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(cn.shapotou.litigation.documents.GeneratedDocuments.pdfText(pdf.getBody()))
                .contains("督办通知书", "区自然资源局", item.caseNumber().replaceAll("\\s+", ""), "拟定办理建议",
                        "2026年12月7日", "已逾期3日", "第三条", "书面答复", "请于三日内办结");
        var docx = rest.withBasicAuth("natres", "demo").getForEntity(url + "docx", byte[].class);
        assertThat(docx.getStatusCode().value()).as("the unit charged").isEqualTo(200);
        assertThat(cn.shapotou.litigation.documents.GeneratedDocuments.docxText(docx.getBody())).contains("督办通知书");
        assertThat(rest.withBasicAuth("leader", "demo").getForEntity(url + "pdf", byte[].class).getStatusCode()
                .value()).isEqualTo(200);
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity(url + "pdf", String.class).getStatusCode()
                .value()).as("another unit").isEqualTo(404);
    }
}
