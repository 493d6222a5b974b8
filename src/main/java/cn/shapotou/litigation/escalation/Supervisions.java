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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts and ends the instances of process {@code supervision}, one for each overdue item (《办法》第三条：区司法局
 * 督促承办单位), with the case number as business key.
 *
 * <p>Who may read one: the Justice Bureau (every instance, by its grants on every process), the district leaders
 * (every instance of {@code supervision}, granted at seeding: a 督办 may be reported to them) and the unit charged,
 * granted here on the instance and its history; the administrators see everything.
 */
@Component
public class Supervisions {

    private final RuntimeService runtime;
    private final AuthorizationService authorizations;

    public Supervisions(RuntimeService runtime, AuthorizationService authorizations) {
        this.runtime = runtime;
        this.authorizations = authorizations;
    }

    /** The variables of a 督办 of this item: those its forms show, the 督办通知书 names and the annual report counts. */
    static Map<String, Object> variables(OverdueItem item) {
        Map<String, Object> v = new HashMap<>();
        v.put(DeadlineWatch.SUPERVISES, item.key());
        v.put("caseNumber", item.caseNumber());
        v.put(DeadlineWatch.UNIT, item.unit());
        v.put("unitName", item.unitName());
        v.put("leadUnitName", item.unitName());
        v.put("item", item.item());
        v.put("due", item.due().toString());
        v.put("daysOverdue", item.daysOverdue());
        v.put(DeadlineWatch.DELAY, item.delay());
        v.put("overdueSince", item.due().plusDays(1).toString());
        v.put(DeadlineWatch.RAISED_AT, ClockUtil.getCurrentTime().getTime());
        v.put("courtDeadline", item.courtDeadline());
        // A missed statutory court deadline comes first in every list, as its 督办 task did.
        v.put("supervisionPriority", item.courtDeadline() ? 90 : 80);
        // A missed court deadline is reported to the district leaders on the same 督办: they lead response work
        // (《办法》第三条) and see 「发出督办」 in their own list beside the Justice Bureau, which issues it.
        v.put("issueGroups", item.courtDeadline() ? UnitDirectory.JUSTICE_BUREAU + "," + UnitDirectory.DISTRICT_LEADERS
                : UnitDirectory.JUSTICE_BUREAU);
        // The unit replies; an item no unit holds is answered by the Justice Bureau itself.
        v.put("replyGroup", item.unit() != null ? item.unit() : UnitDirectory.JUSTICE_BUREAU);
        v.put("caseUrl", "/api/cases/" + URLEncoder.encode(String.valueOf(item.caseNumber()), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        v.put("tasklistUrl", "/camunda/app/tasklist/default/" + (item.taskId() == null ? "" : "#/?task=" + item.taskId()));
        v.put("cockpitUrl", "/camunda/app/cockpit/default/#/process-instance/" + item.processInstanceId());
        return v;
    }

    /** Starts the 督办 of an item; returns its process instance id. */
    public String start(OverdueItem item) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(SupervisionProcess.PROCESS_KEY, item.caseNumber(),
                variables(item));
        if (item.unit() != null && !UnitDirectory.JUSTICE_BUREAU.equals(item.unit())) {
            // A new instance has no authorizations yet: created directly, not looked up first (5,000 in one sweep).
            grant(item.unit(), Resources.PROCESS_INSTANCE, instance.getId(), Permissions.READ);
            grant(item.unit(), Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(),
                    HistoricProcessInstancePermissions.READ);
        }
        return instance.getId();
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
