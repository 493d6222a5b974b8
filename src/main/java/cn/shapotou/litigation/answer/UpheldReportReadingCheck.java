package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        reading.put("leader", user == null ? null : user.userId());
        List<Object> readings = new ArrayList<>(FormValues.list(execution.getVariable("upheldReportReadings")));
        readings.add(reading);
        ReviewRounds.record(execution, AnswerReviewCheck.LOOP, execution.getVariable("answerRound"),
                "区政府领导阅示书面报告", approved ? "同意盖章送达" : "退回修改", !approved, instructions, report(execution));
        execution.setVariable("upheldReportReadings", FormValues.toJson(readings));
        if (!approved) {
            execution.setVariable("answerRound", ((Number) execution.getVariable("answerRound")).intValue() + 1);
        }
    }

    /** The written report as the leaders read it, then the answer materials it reports on. */
    private static String report(DelegateExecution execution) {
        StringBuilder md = new StringBuilder();
        for (String[] field : new String[][] {{"upheldReportSummary", "基本案情"}, {"upheldReportPoints", "答辩主要观点"},
                {"upheldReportOther", "其他需要报告的事项"}}) {
            String value = FormValues.text(execution.getVariable(field[0]));
            if (value != null) {
                md.append("**").append(field[1]).append("：** ").append(value.replace("\n", " ")).append("\n\n");
            }
        }
        String answer = FormValues.text(execution.getVariable("answerSummary"));
        return md.append(answer == null ? "" : answer).toString();
    }
}
