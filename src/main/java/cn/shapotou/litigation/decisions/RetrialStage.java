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
 * Retrial (Art. 15; process {@code retrial}): the lead unit's reasons why an effective decision is wrong, the district
 * government's consent, and the application within 6 months of the decision taking effect (SPC interpretation 2018
 * Art. 110).
 */
@Component("retrialStage")
public class RetrialStage extends FormStage {

    private final Deadlines deadlines;
    private final LegalClock clock;

    private final CaseWindows windows;

    public RetrialStage(Deadlines deadlines, LegalClock clock, CaseWindows windows) {
        super("retrial");
        this.windows = windows;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("RetrialConsideredStartEvent", execution -> {
                    CaseDeadlineVariable.write(execution, CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution),
                            deadlines.compute(DeadlineKind.RETRIAL, FormValues.storedDate(execution, "effectiveOn"))));
                    execution.setVariable("retrialFiledOn", null);
                }),
                Map.entry("ProposeRetrialTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("retrialReasons", "申请再审的理由", true, 8000);
                    form.done();
                }),
                Map.entry("ApproveRetrialTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.bool("retrialApproved", "是否同意申请再审");
                    form.text("retrialApprovalRemarks", "审批意见", false, 4000);
                    form.done();
                }),
                Map.entry("FileRetrialTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.pastDate("retrialFiledOn", "申请再审日期", clock.today(),
                            FormValues.storedDate(execution, "effectiveOn"), "裁判生效之日");
                    form.done();
                    windows.close(execution.getProcessBusinessKey(), DeadlineKind.RETRIAL.key());
                }));
    }
}
