package cn.shapotou.litigation.escalation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A 督办 (《办法》第三条) as the deadline sweep starts it and as its people handle it, for the tests of process
 * {@code supervision} on the application's engine: an overdue item, the started 督办 past its save point, and the
 * issue, reply and review as the 区司法局 and the unit charged complete them.
 */
final class SupervisionFixture {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Supervisions supervisions;

    SupervisionFixture(ProcessEngine engine, Supervisions supervisions) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.identity = engine.getIdentityService();
        this.supervisions = supervisions;
    }

    /** A key no other item has. */
    static String key() {
        return "task:" + UUID.randomUUID();
    }

    /** 拟定办理建议 of the 区自然资源局, due 2026-12-07 and 3 days overdue, under a case number of its own. */
    static OverdueItem item(String key, String deadline) {
        return new OverdueItem(key, "（2026）宁0502行初" + Math.abs(key.hashCode() % 100000) + "号", "拟定办理建议",
                "natural-resources", "区自然资源局", LocalDate.parse("2026-12-07"), 3, "t-" + key, "e-" + key,
                "p-" + key, null, List.of("natural-resources"), deadline, key, null);
    }

    /** A 督办 started as the sweep starts it, past its save point. */
    ProcessInstance started(OverdueItem item) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(supervisions.start(item)).singleResult();
        assertThat(instance).isStarted().hasPassed("ItemOverdueStartEvent").isNotWaitingAt("IssueSupervisionTask");
        execute(job(instance));
        assertThat(instance).isWaitingAt("IssueSupervisionTask");
        return instance;
    }

    /** Does the work signed in as the user, a member of the group. */
    void as(String user, String group, Runnable work) {
        identity.setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    void issue(ProcessInstance instance, String method) {
        as("justice", "justice-bureau", () -> tasks.complete(task(instance).getId(),
                Map.of("supervisionMethod", method, "supervisionRemarks", "请于三日内办结并书面答复。")));
    }

    void reply(ProcessInstance instance, String expected) {
        as("natres", "natural-resources", () -> tasks.complete(task(instance).getId(),
                Map.of("delayReason", "现场勘查未完成", "expectedCompletionOn", expected)));
    }

    void review(ProcessInstance instance, String decision) {
        as("justice", "justice-bureau", () -> tasks.complete(task(instance).getId(),
                Map.of("reviewDecision", decision, "reviewOpinion", "答复理由不充分，报请区政府领导督促。")));
    }
}
