package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.units.UnitDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import cn.shapotou.litigation.engine.EngineClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts and ends the instances of process {@code supervision}, one for each overdue item (《办法》第三条：区司法局
 * 督促承办单位), with the case number as business key.
 *
 * <p>Who may read one: the Justice Bureau (every instance, by its grants on every process), the district leaders
 * (every instance of {@code supervision}, granted at seeding: a 督办 may be reported to them) and the unit charged,
 * granted on the instance and its history before its first task; the administrators see everything.
 */
@Component
public class Supervisions {

    private final RuntimeService runtime;
    private final AuthorizationService authorizations;

    public Supervisions(RuntimeService runtime, AuthorizationService authorizations) {
        this.runtime = runtime;
        this.authorizations = authorizations;
    }

    /**
     * The variables a 督办 starts with: the item, as the 督办通知书 names it and the annual report counts it. What
     * its tasks derive from them is set after the start's save point ({@link #prepare}), outside the sweep's
     * transaction, which starts thousands at once.
     */
    static Map<String, Object> variables(OverdueItem item) {
        Map<String, Object> v = new HashMap<>();
        v.put(DeadlineWatch.SUPERVISES, item.key());
        v.put("caseNumber", item.caseNumber());
        v.put(DeadlineWatch.UNIT, item.unit());
        v.put("unitName", item.unitName());
        v.put("item", item.item());
        v.put("due", item.due().toString());
        v.put("daysOverdue", item.daysOverdue());
        v.put(DeadlineWatch.DELAY, item.delay());
        v.put("overdueSince", item.due().plusDays(1).toString());
        v.put(DeadlineWatch.RAISED_AT, EngineClock.now().getTime());
        // not courtDeadline: the case's stages read each other's variables by name (casecore.CaseView#latestVariable)
        v.put("courtDeadlineMissed", item.courtDeadline());
        return v;
    }

    /**
     * Before 「发出督办」 (run by the job executor after the start): who works on it, the links its forms show, and the
     * unit charged may read this instance and its history.
     */
    void prepare(DelegateExecution execution) {
        boolean court = Boolean.TRUE.equals(execution.getVariable("courtDeadlineMissed"));
        String unit = (String) execution.getVariable(DeadlineWatch.UNIT);
        String key = String.valueOf(execution.getVariable(DeadlineWatch.SUPERVISES));
        Map<String, Object> v = new HashMap<>();
        // A missed statutory court deadline comes first in every list, as its 督办 task did.
        v.put("supervisionPriority", court ? 90 : 80);
        // A missed court deadline is reported to the district leaders on the same 督办: they lead response work
        // (《办法》第三条) and see 「发出督办」 in their own list beside the Justice Bureau, which issues it.
        v.put("issueGroups", court ? UnitDirectory.JUSTICE_BUREAU + "," + UnitDirectory.DISTRICT_LEADERS
                : UnitDirectory.JUSTICE_BUREAU);
        // The unit replies; an item no unit holds is answered by the Justice Bureau itself.
        v.put("replyGroup", unit != null ? unit : UnitDirectory.JUSTICE_BUREAU);
        // The case page a person reads (cases.CasePageController), not the JSON of /api/cases.
        v.put("caseUrl", "/cases/" + URLEncoder.encode(String.valueOf(execution.getVariable("caseNumber")),
                StandardCharsets.UTF_8).replace("+", "%20"));
        // task:<id> or case:<instance>:<deadline> (OverdueItem)
        String[] parts = key.split(":");
        String itemInstance = parts[0].equals("case") ? parts[1] : null;
        if (parts[0].equals("task")) {
            v.put("tasklistUrl", "/camunda/app/tasklist/default/#/?task=" + parts[1]);
            var task = execution.getProcessEngineServices().getTaskService().createTaskQuery().taskId(parts[1])
                    .singleResult();
            itemInstance = task == null ? null : task.getProcessInstanceId();
        } else {
            v.put("tasklistUrl", "/camunda/app/tasklist/default/");
        }
        v.put("cockpitUrl", "/camunda/app/cockpit/default/#/process-instance/" + itemInstance);
        v.put("noticeUrl", "/api/supervision/" + execution.getProcessInstanceId() + "/notice");
        execution.setVariables(v);
        if (unit != null && !UnitDirectory.JUSTICE_BUREAU.equals(unit)) {
            // A new instance has no authorizations yet: created directly, not looked up first.
            grant(unit, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
            grant(unit, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(),
                    HistoricProcessInstancePermissions.READ);
        }
    }

    /** Starts the 督办 of an item; returns its process instance id. */
    public String start(OverdueItem item) {
        return runtime.startProcessInstanceByKey(SupervisionProcess.PROCESS_KEY, item.caseNumber(), variables(item))
                .getId();
    }

    private void grant(String group, Resources resource, String id, org.camunda.bpm.engine.authorization.Permission p) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(id);
        auth.addPermission(p);
        authorizations.saveAuthorization(auth);
    }

    /**
     * Ends the 督办 {@code instanceId} of item {@code itemKey} because the item is done, at whatever step it stands
     * («结束：事项已办结»). Returns whether {@code instanceId} is a 督办 still running.
     */
    public boolean end(String instanceId, String itemKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId)
                .processDefinitionKey(SupervisionProcess.PROCESS_KEY).singleResult();
        if (instance == null) {
            return false;
        }
        var correlated = runtime.createMessageCorrelation(SupervisionProcess.ITEM_DONE_MESSAGE)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals(DeadlineWatch.SUPERVISES, itemKey)
                .processInstanceId(instanceId).correlateAllWithResult();
        if (correlated.isEmpty()) {
            // Not yet past its start (the subscription exists from the start; this is a safeguard).
            runtime.deleteProcessInstance(instanceId, "被督办事项已办结");
        }
        return true;
    }
}
