package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * End listener of 阅示应诉书面报告 (第四条第四款, 第三条第一款): the district leaders read the acting unit's written report
 * and instruct. They agree to seal it (the district office then seals and delivers), or return it: the answer goes back
 * to the handling units for the next round, their instruction shown on it. Every reading stays on record.
 */
@Component("upheldReportReadingCheck")
public class UpheldReportReadingCheck implements ExecutionListener {

    private final LegalClock clock;

    public UpheldReportReadingCheck(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormCheck form = new FormCheck(execution);
        Boolean approved = form.bool("upheldReportApproved", "阅示结果");
        String instructions = form.text("upheldReportInstructions", "领导批示", true, 4000);
        form.done();
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("round", execution.getVariable("answerRound"));
        reading.put("approved", approved);
        reading.put("instructions", instructions);
        reading.put("readOn", clock.today().toString());
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        reading.put("leader", user == null ? null : user.getUserId());
        List<Object> readings = new ArrayList<>(FormValues.list(execution.getVariable("upheldReportReadings")));
        readings.add(reading);
        execution.setVariable("upheldReportReadings", FormValues.toJson(readings));
        if (!approved) {
            execution.setVariable("answerRound", ((Number) execution.getVariable("answerRound")).intValue() + 1);
        }
    }
}
