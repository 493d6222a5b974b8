package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 向区人民政府书面报告 (第四条第四款): in a case the district government's own reconsideration upheld, the
 * acting unit reports the answer in writing to the district government — the case, the answer's main points (the
 * evidence, normative documents and agents come from the answer materials of both parts) — and asks for the seal. The
 * report itself is the document {@code upheld-case-report} ({@link UpheldCaseReport}).
 */
@Component("upheldReportCheck")
public class UpheldReportCheck implements ExecutionListener {

    private final LegalClock clock;

    public UpheldReportCheck(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormCheck form = new FormCheck(execution);
        form.text("upheldReportSummary", "基本案情", true, 8000);
        form.text("upheldReportPoints", "答辩主要观点", true, 8000);
        form.text("upheldReportOther", "其他需要报告的事项", false, 4000);
        form.done();
        execution.setVariable("upheldReportedOn", clock.today().toString());
        execution.setVariable("upheldReportApproved", null);
    }
}
