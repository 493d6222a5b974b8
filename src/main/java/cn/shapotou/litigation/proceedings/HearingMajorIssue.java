package cn.shapotou.litigation.proceedings;

import cn.shapotou.litigation.engine.EngineCommand;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task of court-appearance: a major issue recorded at the hearing is reported in writing to the district
 * government (第九条第三款) as one {@code major-issue-report}, the same as one reported at any other time; the hearing
 * stage does not wait for the leaders' instruction.
 */
@Component("hearingMajorIssue")
public class HearingMajorIssue implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> report = new HashMap<>();
        report.put("caseNumber", execution.getProcessBusinessKey());
        report.put("reportingUnit", execution.getVariable("leadUnit"));
        report.put("issue", "庭审中的重大问题（开庭日期 " + execution.getVariable("hearingDate") + "）");
        report.put("reportText", execution.getVariable("majorIssueReport"));
        report.put("reportSource", "HEARING");
        report.put("urgency", "NORMAL");
        // The agents' report is theirs (the start checks their unit); starting it is the hearing stage's own act.
        String started = EngineCommand.withoutAuthorization(() -> execution.getProcessEngineServices()
                .getRuntimeService().createProcessInstanceByKey(MajorIssueReport.PROCESS)
                .businessKey(execution.getProcessBusinessKey()).setVariables(report).execute().getId());
        execution.setVariable("majorIssueReportInstance", started);
    }
}
