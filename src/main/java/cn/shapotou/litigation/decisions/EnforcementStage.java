package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.escalation.CaseWindows;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Compulsory enforcement (Art. 16; process {@code enforcement}): a party does not perform an effective decision; the
 * lead unit proposes to the district government and applies to the court within 2 years of the last day of the
 * performance period (SPC interpretation 2018 Art. 153).
 */
@Component("enforcementStage")
public class EnforcementStage extends FormStage {

    private final Deadlines deadlines;
    private final LegalClock clock;

    private final CaseWindows windows;

    public EnforcementStage(Deadlines deadlines, LegalClock clock, CaseWindows windows) {
        super("enforcement");
        this.windows = windows;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("NonPerformanceStartEvent", execution -> CaseDeadlineVariable.write(execution,
                        CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution), deadlines.compute(
                                DeadlineKind.ENFORCEMENT, FormValues.storedDate(execution, "performanceDeadline"))))),
                Map.entry("ProposeEnforcementTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("nonPerformingParty", "拒不履行的当事人", true, 200);
                    form.text("enforcementProposal", "申请强制执行的建议", true, 8000);
                    form.done();
                }),
                Map.entry("ApproveEnforcementTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.bool("enforcementApproved", "是否同意申请强制执行");
                    form.text("enforcementApprovalRemarks", "审批意见", false, 4000);
                    form.done();
                }),
                Map.entry("ApplyEnforcementTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.pastDate("enforcementAppliedOn", "申请强制执行日期", clock.today(),
                            FormValues.storedDate(execution, "effectiveOn"), "裁判生效之日");
                    form.done();
                    windows.close(execution.getProcessBusinessKey(), DeadlineKind.ENFORCEMENT.key());
                }));
    }
}
