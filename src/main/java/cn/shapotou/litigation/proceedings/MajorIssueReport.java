package cn.shapotou.litigation.proceedings;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormValues;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process {@code major-issue-report} (第九条第三款: 诉讼代理人…及时向区人民政府书面报告诉讼过程中的重大问题): a participant of
 * an open case reports a major issue in writing at any time — from Tasklist, the API, or the hearing's record — the
 * district leaders read it and instruct, and the reporting unit takes note of the instruction. The written report is
 * the document {@link MajorIssueReportDocument}. Variables kept for the annual report: {@code caseNumber},
 * {@code reportedOn}, {@code reportingUnit}, {@code issue}, {@code instruction}, {@code instructedOn}.
 */
@Component("majorIssueReport")
public class MajorIssueReport implements ExecutionListener {

    public static final String PROCESS = "major-issue-report";
    public static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT");
    public static final Set<String> SOURCES = Set.of("AD_HOC", "HEARING");

    private final CaseProceedings proceedings;
    private final LegalClock clock;

    public MajorIssueReport(CaseProceedings proceedings, LegalClock clock) {
        this.proceedings = proceedings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case "MajorIssueReportedStartEvent" -> reported(execution);
            case "ReadMajorIssueReportTask" -> instructed(execution);
            case "NoteInstructionTask" -> noted(execution);
            default -> throw new IllegalStateException("majorIssueReport: " + execution.getCurrentActivityId());
        }
    }

    /** Start: the written report; nothing is kept unless the case is open and the unit is the reporter's own. */
    private void reported(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        form.text("caseNumber", "案号", true, 100);
        form.text("issue", "重大问题", true, 200);
        form.text("reportText", "报告内容", true, 8000);
        if (execution.getVariable("urgency") == null || "".equals(execution.getVariable("urgency"))) {
            execution.setVariable("urgency", "NORMAL");
        }
        form.choice("urgency", "紧急程度", URGENCIES);
        if (execution.getVariable("reportSource") == null) {
            execution.setVariable("reportSource", "AD_HOC");
        }
        form.choice("reportSource", "报告来源", SOURCES);
        form.done();
        proceedings.start(execution, "reportingUnit", "报告单位");
        execution.setVariable("issue", FormValues.text(execution.getVariable("issue")));
        execution.setVariable("reportText", FormValues.text(execution.getVariable("reportText")));
        execution.setVariable("reportedOn", clock.today().toString());
        execution.setVariable("reportedBy", userId(execution));
        execution.setVariable("reportDocumentUrl", "/api/cases/" + CaseProceedings.encoded(
                (String) execution.getVariable("caseNumber")) + "/major-issues/" + execution.getProcessInstanceId()
                + "/report");
    }

    /** 阅处重大问题报告: the leaders' instruction is the point of the report; it is required. */
    private void instructed(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        String instruction = form.text("instruction", "领导批示", true, 4000);
        form.done();
        execution.setVariable("instruction", instruction);
        execution.setVariable("instructedOn", clock.today().toString());
        execution.setVariable("instructedBy", userId(execution));
    }

    /** 知悉领导批示: the reporting unit confirms it has read the instruction and will act on it. */
    private void noted(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        if (!Boolean.TRUE.equals(FormValues.bool(execution.getVariable("instructionNoted")))) {
            form.refuse("instructionNoted", "须确认已知悉领导批示");
        }
        form.text("actionTaken", "落实情况", false, 4000);
        form.done();
        execution.setVariable("instructionNoted", true);
        execution.setVariable("notedOn", clock.today().toString());
        execution.setVariable("notedBy", userId(execution));
    }

    /** Create listener of the leaders' task: an urgent report comes first in their list. */
    public void prioritize(DelegateTask task) {
        if ("URGENT".equals(task.getVariable("urgency"))) {
            task.setPriority(90);
        }
    }

    private static String userId(DelegateExecution execution) {
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        return user == null ? null : user.userId();
    }
}
