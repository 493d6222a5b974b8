package cn.shapotou.litigation.proceedings;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.CaseDocumentTemplate;
import cn.shapotou.litigation.documents.OfficialDocument;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * 关于…一案诉讼中重大问题的报告 (第九条第三款): the written report of one {@code major-issue-report} to the district
 * government, with the leaders' instruction once given. At {@code documents/major-issue-report.pdf} the newest report of
 * the case; each report by its own address ({@code /api/cases/{n}/major-issues/{id}/report.pdf}).
 */
@Component
public class MajorIssueReportDocument implements CaseDocumentTemplate {

    private final HistoryService history;

    public MajorIssueReportDocument(HistoryService history) {
        this.history = history;
    }

    @Override
    public String id() {
        return "major-issue-report";
    }

    @Override
    public String name() {
        return "重大问题书面报告";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        return build(c, newest(c.caseNumber()).map(HistoricProcessInstance::getId).map(this::variables).orElse(Map.of()));
    }

    /** The newest report of the case. */
    Optional<HistoricProcessInstance> newest(String caseNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(MajorIssueReport.PROCESS)
                .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().desc().listPage(0, 1)
                .stream().findFirst();
    }

    /** One report's variables (history holds them, open or ended). */
    Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> vars = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            vars.put(v.getName(), v.getValue());
        }
        return vars;
    }

    static OfficialDocument build(CaseDocumentContext c, Map<String, Object> report) {
        String unit = (String) report.get("reportingUnit");
        String reportedOn = (String) report.get("reportedOn");
        OfficialDocument.Builder doc = OfficialDocument.builder("关于原告" + c.text("plaintiff") + "诉"
                        + c.defendantName() + c.text("causeOfAction") + "一案诉讼中重大问题的报告")
                .to("区人民政府：")
                .paragraph("按照《中卫市沙坡头区人民政府行政应诉工作办法》第九条第三款，现将" + c.caseDescription()
                        + "诉讼过程中的重大问题报告如下：")
                .heading("一、重大问题")
                .paragraph(blank((String) report.get("issue")))
                .heading("二、具体情况")
                .paragraph(blank((String) report.get("reportText")));
        if ("URGENT".equals(report.get("urgency"))) {
            doc.line("紧急程度：紧急");
        }
        doc.paragraph("妥否，请批示。");
        String instruction = (String) report.get("instruction");
        if (instruction != null) {
            doc.heading("领导批示").paragraph(instruction + "（" + report.get("instructedOn") + "）");
        }
        return doc.issuedBy(c.unitName(unit), reportedOn == null ? c.today() : LocalDate.parse(reportedOn));
    }
}
