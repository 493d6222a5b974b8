package cn.shapotou.litigation.accountability;

import cn.shapotou.litigation.casecore.CaseParticipation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 国家赔偿追偿 (Art. 23; process {@code compensation-recovery}): after the agency has paid the state compensation of a
 * case, the handling unit (or the Justice Bureau) proposes whether to order the head or staff at fault by intent or
 * gross negligence to bear part or all of it, and how much; the district leaders decide. The decision, amount, persons
 * and date stay with the case; a decision to recover is an accountability fact of the case.
 */
@Component("compensationRecovery")
public class CompensationRecovery extends FormStage {

    public static final String PROCESS = "compensation-recovery";
    public static final Set<String> PROPOSALS = Set.of("RECOVER", "NO_RECOVERY");
    private static final String TITLE = "国家赔偿追偿";

    private final CaseParticipation participation;
    private final LegalClock clock;

    public CompensationRecovery(CaseParticipation participation, LegalClock clock) {
        super(PROCESS);
        this.participation = participation;
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.of(
                "CompensationPaidStartEvent", this::proposal,
                "DecideRecoveryTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    Boolean approved = form.bool("recoveryApproved", "是否同意");
                    form.text("recoveryRemarks", "审定意见", Boolean.FALSE.equals(approved), 4000);
                    form.done();
                    execution.setVariable("recoveryDecidedOn", clock.today().toString());
                });
    }

    private void proposal(DelegateExecution execution) {
        Map<String, Object> theCase = participation.require(execution, TITLE);
        Object lead = theCase.get("leadUnit");
        if (!CaseParticipation.startedByOneOf(execution, UnitDirectory.JUSTICE_BUREAU, String.valueOf(lead))) {
            throw FormRefusal.of(TITLE + "未通过校验", List.of(new FieldError("caseNumber",
                    "追偿意见由本案的应诉事务承办单位或区司法局提出（第二十三条）")));
        }
        Object effective = theCase.get("effectiveOn");
        if (effective == null || !compensationDecided(theCase)) {
            throw FormRefusal.of(TITLE + "未通过校验", List.of(new FieldError("caseNumber",
                    "本案没有判决行政机关承担赔偿责任的生效裁判，不涉及国家赔偿追偿（第二十三条）")));
        }
        FormCheck form = new FormCheck(execution);
        LocalDate paid = form.pastDate("compensationPaidOn", "赔偿费用支付日期", clock.today(), null, null);
        if (paid != null && paid.isBefore(LocalDate.parse(String.valueOf(effective).substring(0, 10)))) {
            form.refuse("compensationPaidOn", "赔偿费用支付日期不能早于裁判生效之日 " + effective);
        }
        BigDecimal amount = form.amount("compensationPaid", "已支付的赔偿金额", true);
        String proposal = form.choice("recoveryProposal", "追偿意见", PROPOSALS);
        boolean recover = "RECOVER".equals(proposal);
        form.text("recoveryPersons", "承担赔偿费用的负责人或相关人员", recover, 500);
        BigDecimal share = form.amount("recoveryAmount", "责令承担的金额", recover);
        if (share != null && amount != null && share.compareTo(amount) > 0) {
            form.refuse("recoveryAmount", "责令承担的金额不能超过已支付的赔偿金额 " + amount.toPlainString() + " 元");
        }
        if (share != null && share.signum() == 0 && recover) {
            form.refuse("recoveryAmount", "责令承担的金额应大于 0");
        }
        form.text("recoveryReason", recover ? "故意或者重大过失的事实" : "不予追偿的理由", true, 4000);
        form.done();
        execution.setVariable("unit", lead);
        execution.setVariable("proposedOn", clock.today().toString());
    }

    /** A decision of the case ordered compensation (an Art. 12 loss; the loss analysis records its amount). */
    static boolean compensationDecided(Map<String, Object> theCase) {
        Object amount = theCase.get("compensationAmount");
        if (amount != null && !String.valueOf(amount).isBlank()) {
            return true;
        }
        return "COMPENSATION".equals(theCase.get("decisionOutcome")) || FormValues.list(theCase.get("decisions"))
                .stream().anyMatch(d -> d instanceof Map<?, ?> m && ("COMPENSATION".equals(m.get("outcome"))
                        || "COMPENSATION".equals(m.get("amendedOutcome"))));
    }

    /** Gateway condition: the leaders agreed to order recovery. */
    public boolean recovers(DelegateExecution execution) {
        return Boolean.TRUE.equals(FormValues.bool(execution.getVariable("recoveryApproved")))
                && "RECOVER".equals(execution.getVariable("recoveryProposal"));
    }
}
