package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Retrial (Art. 15; process {@code retrial}): the lead unit's reasons why an effective decision is wrong, the district
 * government's consent, and the application within 6 months of the decision taking effect (SPC interpretation 2018
 * Art. 110).
 */
@Component("retrialStage")
public class RetrialStage implements ExecutionListener {

    private final Deadlines deadlines;
    private final LegalClock clock;

    public RetrialStage(Deadlines deadlines, LegalClock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case "RetrialConsideredStartEvent" -> {
                CaseDeadlineVariable.write(execution, CaseDeadlineVariable.put(CaseDeadlineVariable.read(execution),
                        deadlines.compute(DeadlineKind.RETRIAL, LocalDate.parse((String) execution.getVariable("effectiveOn")))));
                execution.setVariable("retrialFiledOn", null);
            }
            case "ProposeRetrialTask" -> {
                FormCheck form = new FormCheck(execution);
                form.text("retrialReasons", "申请再审的理由", true, 8000);
                form.done();
            }
            case "ApproveRetrialTask" -> {
                FormCheck form = new FormCheck(execution);
                form.bool("retrialApproved", "是否同意申请再审");
                form.text("retrialApprovalRemarks", "审批意见", false, 4000);
                form.done();
            }
            case "FileRetrialTask" -> {
                FormCheck form = new FormCheck(execution);
                form.pastDate("retrialFiledOn", "申请再审日期", clock.today(),
                        LocalDate.parse((String) execution.getVariable("effectiveOn")), "裁判生效之日");
                form.done();
            }
            default -> throw new IllegalStateException("retrial has no check for " + execution.getCurrentActivityId());
        }
    }
}
