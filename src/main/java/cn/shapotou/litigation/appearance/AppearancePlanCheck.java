package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.answer.Agent.AgentKind;
import cn.shapotou.litigation.answer.Agent.Authority;
import cn.shapotou.litigation.answer.Agent;
import cn.shapotou.litigation.answer.AgentFields;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 确定出庭人员: a plan that breaks Art. 7–8 is refused with the article cited; an accepted one is
 * recorded as {@code appearancePlan} (head, reason, agents) on the stage and on the case, where the power of attorney
 * and the written explanation read it.
 */
@Component("appearancePlanCheck")
public class AppearancePlanCheck implements ExecutionListener {

    public static final String VARIABLE = "appearancePlan";

    private final UnitDirectory units;

    public AppearancePlanCheck(UnitDirectory units) {
        this.units = units;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Boolean headAppears = FormValues.bool(execution.getVariable("headAppears"));
        if (headAppears == null) {
            throw FormRefusal.of(List.of(new FieldError("headAppears", "须选择行政机关负责人是否出庭")));
        }
        String defendant = defendant(execution);
        String headUnit = FormValues.text(execution.getVariable("headUnit"));
        AbsenceReason reason = headAppears ? null : AbsenceReason.parse(execution.getVariable("absenceReason"));
        String explanation = headAppears ? null : FormValues.text(execution.getVariable("absenceExplanation"));
        List<Map<String, Object>> agentMaps = AgentFields.read(execution);
        AppearancePlan plan = new AppearancePlan(headAppears, FormValues.text(execution.getVariable("headName")),
                HeadPost.parse(execution.getVariable("headPost")), headUnit == null ? defendant : headUnit, reason,
                explanation, agents(agentMaps));
        List<FieldError> refusals = new AppearancePlanRule().check(plan, new AppearancePlanRule.Circumstances(
                Boolean.TRUE.equals(execution.getVariable("headAppearanceRequired")),
                "UPHELD".equals(execution.getVariable("reconsideration")),
                (String) execution.getVariable("leadUnit"), defendant, units.nameOf(defendant)));
        if (!refusals.isEmpty()) {
            throw FormRefusal.of("出庭人员安排不符合规定", refusals);
        }
        execution.setVariable("headAppears", headAppears);
        execution.setVariable("headUnit", plan.headUnit());
        execution.setVariable("headUnitName", units.nameOf(plan.headUnit()));
        execution.setVariable("absenceReasonLabel", reason == null ? null : reason.label() + "（" + reason.citation() + "）");
        execution.setVariable("planAgentsText", agentsText(plan.agents()));
        execution.setVariable("headPlanText", headPlanText(plan, null));
        // A new plan needs its own approval: an earlier approval (before a return or a postponement) no longer holds.
        execution.setVariable(HeadAbsenceApproval.VARIABLE, null);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("headAppears", headAppears);
        record.put("headName", plan.headName());
        record.put("headPost", plan.headPost() == null ? null : plan.headPost().name());
        record.put("headUnit", plan.headUnit());
        record.put("absenceReason", reason == null ? null : reason.name());
        record.put("absenceExplanation", explanation);
        record.put("absenceApproved", null);
        record.put("agents", agentMaps.stream().filter(a -> FormValues.text(a.get("agentName")) != null).toList());
        record.put("hearingDate", execution.getVariable("hearingDate"));
        store(execution, record);
    }

    /** The plan as recorded, or null before one was. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> recorded(Object value) {
        return FormValues.json(value) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** Writes the plan on the stage and on the case itself, so it outlives a stage ended by the court's decision. */
    static void store(DelegateExecution execution, Map<String, Object> record) {
        execution.getProcessInstance().setVariable(VARIABLE, FormValues.toJson(record));
        DelegateExecution theCase = AccountabilityFacts.caseOf(execution);
        if (theCase != execution.getProcessInstance()) {
            theCase.setVariable(VARIABLE, FormValues.toJson(record));
        }
    }

    /** The defendant agency (Art. 25); the district government unless the case names another. */
    static String defendant(DelegateExecution execution) {
        String defendant = FormValues.text(execution.getVariable("defendant"));
        return defendant == null ? UnitDirectory.DISTRICT_GOVERNMENT : defendant;
    }

    /** The head's part of the plan as the hearing form shows it, e.g. 王局长（正职负责人）不能出庭：意外事件（已经批准）. */
    static String headPlanText(AppearancePlan plan, Boolean approved) {
        String head = (plan.headName() == null ? "负责人" : plan.headName())
                + (plan.headPost() == null ? "" : "（" + plan.headPost().label() + "）");
        if (plan.headAppears()) {
            return head + "出庭应诉";
        }
        return head + "不能出庭：" + (plan.absenceReason() == null ? "" : plan.absenceReason().label())
                + (approved == null ? "（待区政府领导审批）" : approved ? "（理由已经区政府领导批准）" : "（已退回）");
    }

    private String agentsText(List<Agent> agents) {
        if (agents.isEmpty()) {
            return "未另行委托诉讼代理人";
        }
        return agents.stream().map(a -> a.name() + "（" + (a.unit() == null ? "" : units.nameOf(a.unit()) + "，")
                        + (a.post() == null ? "" : a.post() + "，") + (a.kind() == null ? "" : a.kind().label() + "，")
                        + (a.authority() == null ? "" : a.authority() == Authority.SPECIAL ? "特别授权" : "一般授权") + "）")
                .collect(Collectors.joining("；"));
    }

    static List<Agent> agents(List<Map<String, Object>> list) {
        List<Agent> agents = new ArrayList<>();
        for (Map<String, Object> a : list) {
            String name = FormValues.text(a.get("agentName"));
            if (name == null) {
                continue;
            }
            String kind = FormValues.text(a.get("agentKind"));
            String authority = FormValues.text(a.get("agentAuthority"));
            agents.add(new Agent(name, (String) a.get("agentUnit"), (String) a.get("agentPost"),
                    kind == null ? null : AgentKind.valueOf(kind),
                    Boolean.TRUE.equals(a.get("agentIsHandler")) || "true".equals(a.get("agentIsHandler")),
                    authority == null ? null : Authority.valueOf(authority)));
        }
        return agents;
    }
}
