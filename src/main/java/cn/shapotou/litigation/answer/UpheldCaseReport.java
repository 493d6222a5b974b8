package cn.shapotou.litigation.answer;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.CaseDocumentTemplate;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 关于…一案应诉工作的报告 (第四条第四款): the acting unit's written report to the district government in a case its own
 * reconsideration upheld — the case, the answer's main points, the evidence and normative documents of both parts (the
 * original act's and the Justice Bureau's reconsideration part), the agents (第八条第二款), and the request to seal.
 */
@Component
public class UpheldCaseReport implements CaseDocumentTemplate {

    @Override
    public String id() {
        return "upheld-case-report";
    }

    @Override
    public String name() {
        return "应诉工作书面报告";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        Map<String, Map<String, Object>> materials = AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE));
        String lead = c.text("leadUnit");
        OfficialDocument.Builder doc = OfficialDocument.builder("关于原告" + c.text("plaintiff") + "诉"
                        + c.defendantName() + c.text("causeOfAction") + "一案应诉工作的报告")
                .to("区人民政府：")
                .paragraph(c.court() + "受理的原告" + c.text("plaintiff") + "诉" + c.defendantName()
                        + c.text("causeOfAction") + "一案（案号" + c.caseNumber() + "），被诉行政行为经区人民政府行政复议"
                        + "决定维持。按照《中卫市沙坡头区人民政府行政应诉工作办法》第四条第四款，由我单位和区司法局共同承办"
                        + "应诉工作，我单位准备了答辩材料，现将有关情况报告如下：")
                .heading("一、基本案情")
                .paragraph(blank(text(c.latest("upheldReportSummary"))))
                .heading("二、答辩主要观点")
                .paragraph(blank(text(c.latest("upheldReportPoints"))));
        for (Map<String, Object> part : materials.values()) {
            doc.line(part.get("unitName") + "（" + (part.get("unit").equals(lead) ? "原行政行为部分" : "复议部分")
                    + "）答辩意见：" + blank(text(part.get("draftDefence")) != null ? text(part.get("draftDefence"))
                    : AnswerSummary.files(part.get("defenceFiles"))));
        }
        doc.heading("三、证据和依据");
        List<List<String>> evidence = new ArrayList<>();
        for (Map<String, Object> part : materials.values()) {
            evidence.add(List.of(String.valueOf(part.get("unitName")), blank(AnswerSummary.evidence(part)),
                    blank(text(part.get("normativeDocuments"))), text(part.get("otherMaterials")) == null ? ""
                            : text(part.get("otherMaterials"))));
        }
        doc.table(List.of("承办单位", "证据", "规范性文件依据", "其他材料"), evidence, 3, 6, 5, 4);
        doc.heading("四、诉讼代理人");
        List<List<String>> agents = new ArrayList<>();
        for (Map<String, Object> a : AnswerMaterials.allAgents(materials)) {
            String kind = (String) a.get("agentKind");
            agents.add(List.of(String.valueOf(a.get("agentName")), c.unitName((String) a.get("agentUnit")),
                    a.get("agentPost") == null ? "" : String.valueOf(a.get("agentPost")),
                    kind == null ? "" : Agent.AgentKind.valueOf(kind).label()));
        }
        doc.table(List.of("姓名", "工作单位", "职务", "身份"), agents, 3, 5, 3, 3);
        String other = text(c.latest("upheldReportOther"));
        if (other != null) {
            doc.heading("五、其他需要报告的事项").paragraph(other);
        }
        doc.paragraph("以上答辩材料已经区司法局审核。妥否，请审示。如无不妥，请加盖区人民政府公章后送交" + c.court() + "。");
        String reportedOn = text(c.latest("upheldReportedOn"));
        return doc.issuedBy(c.unitName(lead), reportedOn == null ? c.today() : LocalDate.parse(reportedOn));
    }

    private static String text(Object value) {
        return FormValues.text(value);
    }
}
