package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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

/**
 * Process {@code supervision} on its own (《办法》第三条): issued, replied, reviewed and closed or reported to the
 * district leaders; ended by the item being done at every step; the reply's expected day checked; read only by the
 * Justice Bureau, the district leaders and the unit charged.
 */
@IntegrationTest
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

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        TestCases.today("2026-12-10");
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    private static OverdueItem item(String key, String deadline) {
        return new OverdueItem(key, "（2026）宁0502行初" + Math.abs(key.hashCode() % 100000) + "号", "拟定办理建议",
                "natural-resources", "区自然资源局", LocalDate.parse("2026-12-07"), 3, "t-" + key, "e-" + key,
                "p-" + key, null, List.of("natural-resources"), deadline, key, null);
    }

    /** A 督办 started as the sweep starts it, past its save point. */
    private ProcessInstance started(OverdueItem item) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(supervisions.start(item)).singleResult();
        assertThat(instance).isStarted().hasPassed("ItemOverdueStartEvent").isNotWaitingAt("IssueSupervisionTask");
        execute(job());
        assertThat(instance).isWaitingAt("IssueSupervisionTask");
        return instance;
    }

    private static String key() {
        return "task:" + UUID.randomUUID();
    }

    private void as(String user, String group, Runnable work) {
        identity.setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void issue(ProcessInstance instance, String method) {
        as("justice", "justice-bureau", () -> tasks.complete(task(instance).getId(),
                Map.of("supervisionMethod", method, "supervisionRemarks", "请于三日内办结并书面答复。")));
    }

    private void reply(ProcessInstance instance, String expected) {
        as("natres", "natural-resources", () -> tasks.complete(task(instance).getId(),
                Map.of("delayReason", "现场勘查未完成", "expectedCompletionOn", expected)));
    }

    private void review(ProcessInstance instance, String decision) {
        as("justice", "justice-bureau", () -> tasks.complete(task(instance).getId(),
                Map.of("reviewDecision", decision, "reviewOpinion", "答复理由不充分，报请区政府领导督促。")));
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    @Test
    void issuedRepliedAndClosed() {
        OverdueItem item = item(key(), null);
        ProcessInstance instance = started(item);
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

        issue(instance, "PHONE");
        assertThat(instance).isWaitingAt("ReplySupervisionTask").variables()
                .containsEntry("supervisionMethodName", "电话").containsEntry("issuedBy", "justice")
                .containsEntry("issuedOn", "2026-12-10");
        assertThat(groups(task(instance))).containsExactly("natural-resources");

        reply(instance, "2026-12-10");
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask").variables()
                .containsEntry("expectedCompletionOn", "2026-12-10").containsEntry("repliedBy", "natres");
        review(instance, "CLOSE");
        assertThat(instance).hasPassed("SupervisionClosedEndEvent").isEnded();
    }

    @Test
    void issuedByNoticeRepliedAndReportedToTheDistrictLeaders() {
        ProcessInstance instance = started(item(key(), "statutoryAnswer"));
        Task issueTask = task(instance);
        assertThat(issueTask.getPriority()).as("a missed court deadline comes first").isEqualTo(90);
        assertThat(groups(issueTask)).containsExactlyInAnyOrder("justice-bureau", "district-leaders");
        issue(instance, "NOTICE");
        assertThat(instance).variables().containsEntry("supervisionMethodName", "督办通知书");
        reply(instance, "2026-12-20");
        review(instance, "ESCALATE");
        assertThat(instance).isWaitingAt("LeadersReadSupervisionTask");
        Task read = task(instance);
        assertThat(read.getName()).isEqualTo("督办：区政府领导阅处");
        assertThat(groups(read)).containsExactly("district-leaders");
        assertThatThrownBy(() -> as("leader", "district-leaders", () -> tasks.complete(read.getId(), Map.of())))
                .hasMessageContaining("领导批示为必填项");
        as("leader", "district-leaders", () -> tasks.complete(read.getId(), Map.of("leaderRemarks", "限期办结。")));
        assertThat(instance).hasPassed("LeadersReadSupervisionTask", "LeadersReadEndEvent").isEnded();
    }

    @Test
    void theReplyNamesADayNotYetPastAndTheIssueAMethod() {
        ProcessInstance instance = started(item(key(), null));
        String issueTask = task(instance).getId();
        assertThatThrownBy(() -> as("justice", "justice-bureau", () -> tasks.complete(issueTask,
                Map.of("supervisionMethod", "MAIL", "supervisionRemarks", ""))))
                .hasMessageContaining("督办方式须从选项中选择一项")
                .hasMessageContaining("督办意见为必填项");
        issue(instance, "INTERVIEW");
        assertThatThrownBy(() -> reply(instance, "2026-12-09"))
                .hasMessageContaining("预计完成日期不能早于今天（2026-12-10）");
        assertThatThrownBy(() -> as("natres", "natural-resources", () -> tasks.complete(task(instance).getId(),
                Map.of("delayReason", "原因"))))
                .hasMessageContaining("预计完成日期为必填项");
        assertThat(instance).isWaitingAt("ReplySupervisionTask");
        reply(instance, "2026-12-11");
        assertThatThrownBy(() -> review(instance, "LATER")).hasMessageContaining("审查结论");
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask");
    }

    @Test
    void eachStepAndTheNoticeSayHowLateTheItemIsOnTheirOwnDay() throws Exception {
        ProcessInstance instance = started(item(key(), null));
        assertThat(instance).variables().containsEntry("daysOverdue", 3L);
        // issued four days after the sweep raised it
        TestCases.today("2026-12-14");
        issue(instance, "NOTICE");
        assertThat(instance).isWaitingAt("ReplySupervisionTask").variables().containsEntry("daysOverdue", 7L);
        var pdf = rest.withBasicAuth("justice", "demo").getForEntity("/api/supervision/" + instance.getId()
                + "/notice.pdf", byte[].class);
        assertThat(cn.shapotou.litigation.documents.GeneratedDocuments.pdfText(pdf.getBody()))
                .contains("2026年12月7日", "已逾期7日").doesNotContain("已逾期3日");
        TestCases.today("2026-12-15");
        reply(instance, "2026-12-20");
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
            ProcessInstance instance = started(item);
            if (!step.equals("IssueSupervisionTask")) {
                issue(instance, "PHONE");
            }
            if (step.equals("ReviewSupervisionReplyTask") || step.equals("LeadersReadSupervisionTask")) {
                reply(instance, "2026-12-12");
            }
            if (step.equals("LeadersReadSupervisionTask")) {
                review(instance, "ESCALATE");
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
        ProcessInstance instance = started(item(key(), null));
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
        ProcessInstance instance = started(item);
        issue(instance, "NOTICE");
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
