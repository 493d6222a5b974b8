package cn.shapotou.litigation.cases;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_GOVERNMENT;
import static cn.shapotou.litigation.units.UnitDirectory.LEGAL_COUNSEL_OFFICE;

import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The Justice Bureau's handling proposal and the district leaders' approval (Art. 10 ¶1; Art. 4 ¶6 for the unclear
 * case): checked when each task is completed, so a proposal without a valid handling unit never reaches a leader, and
 * a return always says why. The checks are end listeners of the user tasks (by delegate expression, so a refusal
 * reaches Tasklist and REST as a form validation error, 400); a task cancelled by an event is not checked.
 */
@Component
public class HandlingProposal {

    /** End listener of 拟定办理建议. */
    @Component("handlingProposalCheck")
    public static class ProposalCheck implements ExecutionListener {
        private final HandlingProposal rules;

        public ProposalCheck(HandlingProposal rules) {
            this.rules = rules;
        }

        @Override
        public void notify(DelegateExecution execution) throws JsonProcessingException {
            if (!execution.isCanceled()) {
                rules.onProposed(execution);
            }
        }
    }

    /** End listener of 审批办理建议. */
    @Component("proposalApprovalCheck")
    public static class ApprovalCheck implements ExecutionListener {
        private final HandlingProposal rules;

        public ApprovalCheck(HandlingProposal rules) {
            this.rules = rules;
        }

        @Override
        public void notify(DelegateExecution execution) {
            if (!execution.isCanceled()) {
                rules.onReviewed(execution);
            }
        }
    }

    /** The proposal's loop in {@link ReviewRounds}: the leaders' approvals of each proposal. */
    public static final String LOOP = "proposal";

    public static final Set<String> COMPLEXITY = Set.of("NORMAL", "COMPLEX");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnitDirectory units;
    private final LegalClock clock;
    private final CaseRegistry registry;

    public HandlingProposal(UnitDirectory units, LegalClock clock, CaseRegistry registry) {
        this.units = units;
        this.clock = clock;
        this.registry = registry;
    }

    void onProposed(VariableScope task) throws JsonProcessingException {
        List<FieldError> errors = new ArrayList<>();
        Object complexity = task.getVariable("complexity");
        if (!(complexity instanceof String c) || !COMPLEXITY.contains(c)) {
            errors.add(new FieldError("complexity", "案件难易程度须选择：一般案件或疑难复杂案件"));
        }
        Object lead = task.getVariable("leadUnit");
        String leadUnit = lead instanceof String s && !s.isBlank() ? s.strip() : null;
        if (leadUnit == null) {
            errors.add(new FieldError("leadUnit", "应诉事务承办单位为必填项（第十条第一款）"));
        } else if (!handlingUnit(leadUnit)) {
            errors.add(new FieldError("leadUnit", "应诉事务承办单位须为单位目录中现存的部门或乡镇：" + leadUnit));
        }
        Set<String> coUnits = new LinkedHashSet<>(CaseAccess.unitList(task.getVariable("coUnits")));
        for (String co : coUnits) {
            if (!handlingUnit(co)) {
                errors.add(new FieldError("coUnits", "共同承办单位须为单位目录中现存的部门或乡镇：" + co));
            }
        }
        if (leadUnit != null && coUnits.contains(leadUnit)) {
            errors.add(new FieldError("coUnits", "共同承办单位不应包含应诉事务承办单位本身"));
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
        task.setVariable("leadUnit", leadUnit);
        task.setVariable("leadUnitName", units.nameOf(leadUnit));
        task.setVariable("coUnits", SpinValues.jsonValue(JSON.writeValueAsString(List.copyOf(coUnits))).create());
    }

    /** {@code approved=false} goes back with the leader's remarks. */
    void onReviewed(VariableScope task) {
        Object approved = task.getVariable("approved");
        Boolean decision = approved instanceof Boolean b ? b
                : "true".equals(approved) ? Boolean.TRUE
                : "false".equals(approved) ? Boolean.FALSE : null;
        if (decision == null) {
            throw FormRefusal.of(List.of(new FieldError("approved", "审批结果须选择同意或退回")));
        }
        Object remarks = task.getVariable("approvalRemarks");
        if (!decision && (!(remarks instanceof String r) || r.isBlank())) {
            throw FormRefusal.of(List.of(new FieldError("approvalRemarks", "退回办理建议时须填写审批意见")));
        }
        task.setVariable("approved", decision);
        ReviewRounds.record(task, LOOP, null, "区政府领导审批", decision ? "同意" : "退回修改", !decision,
                remarks instanceof String r && !r.isBlank() ? r.strip() : null, proposal(task));
        if (decision) {
            task.setVariable("approvedOn", clock.today().toString());
            // Art. 10 ¶1: the approved proposal names the lead and co-handling units; the case register lists the
            // case for them from now on.
            if (task.getVariable("caseNumber") instanceof String caseNumber) {
                registry.units(caseNumber, task.getVariables());
            }
        }
    }

    /** The proposal as the leader read it (the fields of 拟定办理建议). */
    private String proposal(VariableScope task) {
        StringBuilder md = new StringBuilder();
        Object complexity = task.getVariable("complexity");
        line(md, "案件难易程度", "COMPLEX".equals(complexity) ? "疑难复杂案件" : "NORMAL".equals(complexity) ? "一般案件" : null);
        line(md, "应诉事务承办单位", task.getVariable("leadUnitName"));
        List<String> coUnits = CaseAccess.unitList(task.getVariable("coUnits"));
        line(md, "共同承办单位", coUnits.isEmpty() ? null : String.join("、", coUnits.stream().map(units::nameOf).toList()));
        line(md, "出庭应诉人员建议", task.getVariable("proposedAppearance"));
        line(md, "其他办理意见", task.getVariable("proposalNotes"));
        return md.toString();
    }

    private static void line(StringBuilder md, String label, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            md.append("- **").append(label).append("：** ").append(s.strip().replace("\n", " ")).append('\n');
        }
    }

    /** A unit that can handle a case: a current department, township or office, not the government itself. */
    private boolean handlingUnit(String id) {
        return units.find(id)
                .filter(u -> !u.isAbolishedOn(clock.today()))
                .filter(u -> !DISTRICT_GOVERNMENT.equals(u.id()) && !LEGAL_COUNSEL_OFFICE.equals(u.id()))
                .isPresent();
    }
}
