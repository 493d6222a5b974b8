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
 * the district leaders and copied to the Justice Bureau. The amount to pay is recorded (Art. 23); a report sent late
 * is an accountability fact (Art. 12 ¶1, 22 (6)), and so is a loss the Justice Bureau, filing the report, traces to
 * intent or gross negligence (Art. 22 (5)).
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
                    execution.setVariable("lossDecision", execution.getVariable("decisionOutcomeLabel"));
                }),
                Map.entry("WriteLossAnalysisTask", execution -> write(execution)),
                Map.entry("ReadLossAnalysisTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("lossAnalysisInstructions", "领导批示", true, 4000);
                    form.done();
                }),
                Map.entry("FileLossAnalysisTask", execution -> file(execution)));
    }

    /**
     * The Justice Bureau files the report and states its own finding on fault (Art. 3: it supervises; Art. 22 (5)):
     * whether the loss came from intent or gross negligence, the persons concerned (主管人员、直接责任人员) and why. Only
     * its finding makes the accountability fact; the unit's own view stays recorded as the unit's ({@code
     * faultSuspected}).
     */
    private void file(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        if (!Boolean.TRUE.equals(form.bool("lossAnalysisFiled", "已收到抄送的败诉分析报告并备案"))) {
            form.refuse("lossAnalysisFiled", "区司法局须确认已收到抄送的败诉分析报告");
        }
        form.text("lossAnalysisFilingNotes", "备案意见", false, 4000);
        // A checkbox: left unticked, the Justice Bureau finds no intent or gross negligence.
        boolean fault = Boolean.TRUE.equals(FormValues.bool(execution.getVariable("faultFound")));
        execution.setVariable("faultFound", fault);
        String reasons = form.text("faultReasons", "认定理由", fault, 4000);
        String supervisor = form.text("faultSupervisor", "主管人员", false, 200);
        String responsible = form.text("faultDirectlyResponsible", "直接责任人员", false, 200);
        if (fault && supervisor == null && responsible == null) {
            form.refuse("faultDirectlyResponsible", "认定存在故意或者重大过失的，应当写明主管人员或者直接责任人员"
                    + "（第二十二条）");
        }
        form.done();
        if (fault) {
            Object unitView = execution.getVariable("faultSuspected");
            AccountabilityFacts.record(execution, AccountabilityFact.LOSS_BY_FAULT, "区司法局认定：" + reasons
                            + ("true".equals(String.valueOf(unitView)) ? "（承办单位报告亦认为存在故意或者重大过失）"
                            : "（承办单位报告认为不存在故意或者重大过失）"),
                    new AccountabilityFacts.Persons(supervisor, responsible));
        }
    }

    private void write(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        form.text("lossFacts", "基本案情", true, 8000);
        form.text("lossDecision", "判决结果", true, 2000);
        form.text("lossSuggestions", "意见建议及整改措施", true, 8000);
        form.text("lossOtherMatters", "其他需要说明的事项", false, 4000);
        Outcome outcome = Outcome.parse(execution.getVariable("decisionResult"));
        BigDecimal amount = form.amount("compensationAmount", "赔偿（给付）金额（元）",
                outcome != null && outcome.involvesPayment());
        form.bool("faultSuspected", "承办单位认为败诉是否因故意或者重大过失所致");
        form.done();
        if (amount != null) {
            execution.setVariable("compensationAmount", amount.toPlainString());
        }
        LocalDate today = clock.today();
        LocalDate due = CaseDeadlineVariable.dueDate(execution, DeadlineKind.LOSS_ANALYSIS.key()).orElseThrow();
        execution.setVariable("lossAnalysisSubmittedOn", today.toString());
        boolean late = today.isAfter(due);
        execution.setVariable("lossAnalysisLate", late);
        String submitter = Submitter.of(execution);
        execution.setVariable("lossAnalysisSubmittedBy", submitter);
        // Art. 12 ¶1: within 15 days of the decision taking effect; later is a fact under Art. 22 (6).
        if (late) {
            AccountabilityFacts.record(execution, AccountabilityFact.LOSS_ANALYSIS_LATE,
                    "败诉分析报告应于 " + due + " 前提交，实际于 " + today + " 提交",
                    new AccountabilityFacts.Persons(null, submitter));
        }
    }
}
