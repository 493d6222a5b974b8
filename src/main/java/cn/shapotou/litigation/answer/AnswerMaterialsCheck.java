package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.web.FormValues;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of each unit's 准备答辩材料: the items of Art. 6 must be there — the 答辩状 and the evidence as files in
 * the case file ({@link AnswerPapers}), the normative documents named (the lead unit also gives the legal representative
 * and at least one agent for the power of attorney); the unit's submission, with the versions of its files, is kept per
 * unit and round.
 */
@Component("answerMaterialsCheck")
public class AnswerMaterialsCheck implements ExecutionListener {

    private final UnitDirectory units;
    private final LegalClock clock;
    private final AnswerPapers answerPapers;

    public AnswerMaterialsCheck(UnitDirectory units, LegalClock clock, AnswerPapers answerPapers) {
        this.units = units;
        this.clock = clock;
        this.answerPapers = answerPapers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String unit = (String) execution.getVariable("answerUnit");
        boolean lead = unit.equals(execution.getVariable("leadUnit"));
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> submitted = new LinkedHashMap<>();
        AnswerPapers.Papers papers = answerPapers.of(execution.getProcessBusinessKey(), unit,
                execution.getProcessEngineServices().getIdentityService());
        if (papers.defence().isEmpty()) {
            errors.add(new FieldError("defenceFile", "请先在本任务的「案卷材料」页签上传本单位的答辩状（类别「答辩状」，"
                    + "第六条第二款第（一）项）"));
        }
        String noEvidenceReason = FormValues.text(execution.getVariable("noEvidenceReason"));
        if (papers.evidence().isEmpty() && noEvidenceReason == null) {
            errors.add(new FieldError("evidenceFiles", "请在本任务的「案卷材料」页签上传作出行政行为的证据（类别「证据」，"
                    + "至少一份），或填写「没有证据文件的原因」（第六条第二款第（二）项）"));
        }
        submitted.put("defenceFiles", AnswerPapers.Papers.refs(papers.defence()));
        submitted.put("evidenceFiles", AnswerPapers.Papers.refs(papers.evidence()));
        submitted.put("noEvidenceReason", papers.evidence().isEmpty() ? noEvidenceReason : null);
        submitted.put("draftDefence", FormValues.text(execution.getVariable("draftDefence")));
        submitted.put("evidenceList", FormValues.text(execution.getVariable("evidenceList")));
        require(execution, "normativeDocuments", "所依据的行政规范性文件（第六条第二款第（二）项）", errors, submitted);
        submitted.put("otherMaterials", FormValues.text(execution.getVariable("otherMaterials")));
        List<Map<String, Object>> agents = agents(AgentFields.read(execution), errors);
        submitted.put("agents", agents);
        if (lead) {
            require(execution, "legalRepresentativeName", "法定代表人姓名（法定代表人身份证明书）", errors, submitted);
            require(execution, "legalRepresentativePost", "法定代表人职务（法定代表人身份证明书）", errors, submitted);
            if (agents.isEmpty()) {
                errors.add(new FieldError("agents", "授权委托书须至少载明一名诉讼代理人（第六条第三款）"));
            }
            Boolean pretrial = FormValues.bool(execution.getVariable("pretrialReviewRequested"));
            submitted.put("pretrialReviewRequested", Boolean.TRUE.equals(pretrial));
        }
        if (agents.size() > AgentFields.SLOTS) {
            errors.add(new FieldError("agents", "每一方可以委托一至二人作为诉讼代理人（行政诉讼法第三十一条）"));
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
        submitted.put("unit", unit);
        submitted.put("unitName", units.nameOf(unit));
        submitted.put("round", execution.getVariable("answerRound"));
        submitted.put("submittedOn", clock.today().toString());
        // Who drafted this part: nobody reviews their own draft (AnswerReviewCheck).
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        submitted.put("submittedBy", user == null ? null : user.userId());

        Map<String, Map<String, Object>> all = AnswerStage.materials(execution);
        all.put(unit, submitted);
        DelegateExecution stage = execution.getProcessInstance();
        stage.setVariable(AnswerMaterials.VARIABLE, FormValues.toJson(all));
        stage.setVariable("answerSummary", AnswerSummary.markdown(all));
        if (lead) {
            stage.setVariable("pretrialReviewRequested", submitted.get("pretrialReviewRequested"));
        }
    }

    private static void require(DelegateExecution execution, String field, String label, List<FieldError> errors,
                                Map<String, Object> submitted) {
        String value = FormValues.text(execution.getVariable(field));
        if (value == null) {
            errors.add(new FieldError(field, label + "为必填项"));
        }
        submitted.put(field, value);
    }

    /** The dynamic list of agents, each with name, unit, post, kind, handler-of-the-act and authority. */
    private List<Map<String, Object>> agents(List<Map<String, Object>> list, List<FieldError> errors) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                continue;
            }
            String name = FormValues.text(map.get("agentName"));
            if (name == null && map.values().stream().allMatch(v -> v == null || "".equals(v) || Boolean.FALSE.equals(v))) {
                continue;
            }
            String kind = FormValues.text(map.get("agentKind"));
            String authority = FormValues.text(map.get("agentAuthority"));
            String unit = FormValues.text(map.get("agentUnit"));
            if (name == null || !isEnum(Agent.AgentKind.class, kind) || !isEnum(Agent.Authority.class, authority)
                    || unit != null && !units.contains(unit)) {
                errors.add(new FieldError("agents",
                        "每名诉讼代理人须写明姓名、所在单位、身份（工作人员或律师）和代理权限（第六条第三款）"));
                return result;
            }
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("agentName", name);
            agent.put("agentUnit", unit);
            agent.put("agentPost", FormValues.text(map.get("agentPost")));
            agent.put("agentKind", kind);
            agent.put("agentIsHandler", Boolean.TRUE.equals(FormValues.bool(map.get("agentIsHandler"))));
            agent.put("agentAuthority", authority);
            result.add(agent);
        }
        return result;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        if (value == null) {
            return false;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
