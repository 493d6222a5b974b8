package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The loss analysis report (Art. 12; process {@code loss-analysis}): due 15 days after the losing decision took
 * effect, with the facts, the court's decision, suggestions and corrective measures, and other matters; submitted to
 * the district leaders and copied to the Justice Bureau. The amount to pay is recorded (Art. 23), and a loss the unit
 * itself traces to intent or gross negligence is an accountability fact (Art. 22 (5)).
 */
@Component("lossAnalysisStage")
public class LossAnalysisStage extends FormStage {

    private final Deadlines deadlines;
    private final LegalClock clock;

    public LossAnalysisStage(Deadlines deadlines, LegalClock clock) {
        super("loss-analysis");
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("DecisionEffectiveStartEvent", execution -> {
                    CaseDeadline due = deadlines.compute(DeadlineKind.LOSS_ANALYSIS,
                            FormValues.storedDate(execution, "effectiveOn"));
                    CaseDeadlineVariable.write(execution, CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution), due));
                    Outcome outcome = Outcome.parse(execution.getVariable("decisionOutcome"));
                    execution.setVariable("lossDecision", outcome == null ? null : outcome.label());
                }),
                Map.entry("WriteLossAnalysisTask", execution -> write(execution)),
                Map.entry("ReadLossAnalysisTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("lossAnalysisInstructions", "领导批示", true, 4000);
                    form.done();
                }),
                Map.entry("FileLossAnalysisTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    if (!Boolean.TRUE.equals(form.bool("lossAnalysisFiled", "已抄送备案"))) {
                        form.refuse("lossAnalysisFiled", "区司法局须确认已收到抄送的败诉分析报告（lossAnalysisFiled）");
                    }
                    form.text("lossAnalysisFilingNotes", "备案意见", false, 4000);
                    form.done();
                }));
    }

    private void write(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        form.text("lossFacts", "基本案情", true, 8000);
        form.text("lossDecision", "判决结果", true, 2000);
        form.text("lossSuggestions", "意见建议及整改措施", true, 8000);
        form.text("lossOtherMatters", "其他需要说明的事项", false, 4000);
        Outcome outcome = Outcome.parse(execution.getVariable("decisionOutcome"));
        BigDecimal amount = form.amount("compensationAmount", "赔偿（给付）金额（元）",
                outcome != null && outcome.involvesPayment());
        Boolean fault = form.bool("faultSuspected", "是否存在故意或者重大过失");
        form.done();
        if (amount != null) {
            execution.setVariable("compensationAmount", amount.toPlainString());
        }
        LocalDate today = clock.today();
        LocalDate due = CaseDeadlineVariable.dueDate(execution, DeadlineKind.LOSS_ANALYSIS.key()).orElseThrow();
        execution.setVariable("lossAnalysisSubmittedOn", today.toString());
        execution.setVariable("lossAnalysisLate", today.isAfter(due));
        if (Boolean.TRUE.equals(fault)) {
            AccountabilityFacts.record(execution, AccountabilityFact.LOSS_BY_FAULT,
                    "败诉分析报告认为存在故意或者重大过失");
        }
    }
}
