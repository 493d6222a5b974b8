package cn.shapotou.litigation.appearance;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.answer.Agent;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.CaseDocumentTemplate;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 书面情况说明 to the court where the head cannot appear (第八条第一款): the case, the head, the reason and its legal
 * basis (行政诉讼法第三条第三款；法释〔2020〕3号第八条), the agents appointed in the head's place, issued under the
 * defendant agency's seal (法释〔2020〕3号第九条第一款). Until the district leaders approve the reason it is marked as a
 * draft.
 */
@Component
public class HeadAbsenceExplanation implements CaseDocumentTemplate {

    @Override
    public String id() {
        return "head-absence-explanation";
    }

    @Override
    public String name() {
        return "行政机关负责人不能出庭应诉情况说明";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        Map<String, Object> plan = AppearancePlanCheck.recorded(c.latest(AppearancePlanCheck.VARIABLE));
        if (plan == null || !Boolean.FALSE.equals(FormValues.bool(plan.get("headAppears")))) {
            throw new ApiException(HttpStatus.CONFLICT, "document",
                    "本案的出庭人员安排中没有负责人不能出庭的情形，无需提交书面情况说明");
        }
        AbsenceReason reason = AbsenceReason.parse(plan.get("absenceReason"));
        HeadPost post = HeadPost.parse(plan.get("headPost"));
        String headName = FormValues.text(plan.get("headName"));
        String explanation = FormValues.text(plan.get("absenceExplanation"));
        String head = "我机关负责人" + (headName == null ? "" : headName + (post == null ? "" : "（" + post.label() + "）"));
        OfficialDocument.Builder document = OfficialDocument.builder("关于行政机关负责人不能出庭应诉的情况说明")
                .to(c.court());
        if (!Boolean.TRUE.equals(FormValues.bool(plan.get("absenceApproved")))) {
            document.line("（草稿：不能出庭的理由待区人民政府领导审批，审批同意后方可盖章提交）");
        }
        document.paragraph("贵院受理的" + c.caseNumber() + "原告" + c.text("plaintiff") + "诉" + c.defendantName()
                        + c.text("causeOfAction") + "一案，定于" + hearingDay(c) + "开庭审理。")
                .paragraph("根据《中华人民共和国行政诉讼法》第三条第三款"
                        + (reason == null ? "" : "和" + reason.citation()) + "的规定，现将我机关负责人不能出庭应诉的情况"
                        + "说明如下：")
                .paragraph(head + "因" + (reason == null ? blank(null) : reason.label()) + "，不能出庭应诉。"
                        + (explanation == null ? "" : "具体情况：" + explanation + (explanation.endsWith("。") ? "" : "。"))
                        + "相关证明材料附后。");
        List<List<String>> rows = new ArrayList<>();
        for (Agent agent : AppearancePlanCheck.agents(agents(plan))) {
            rows.add(List.of(agent.name(), c.unitName(agent.unit()), agent.post() == null ? "" : agent.post(),
                    agent.kind() == null ? "" : agent.kind().label()));
        }
        document.paragraph("我机关已委托下列人员作为诉讼代理人出庭应诉（授权委托书另附）：")
                .table(List.of("姓名", "工作单位", "职务", "身份"), rows, 3, 4, 3, 4)
                .paragraph("特此说明。");
        return document.issuedBy(c.defendantName() + "（盖章）", c.today());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> agents(Map<String, Object> plan) {
        List<Map<String, Object>> agents = new ArrayList<>();
        if (plan.get("agents") instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m) {
                    agents.add((Map<String, Object>) m);
                }
            }
        }
        return agents;
    }

    private static String hearingDay(CaseDocumentContext c) {
        Object hearing = c.latest("hearingDate");
        try {
            return hearing == null ? blank(null) : OfficialDocument.chineseDate(LocalDate.parse(String.valueOf(hearing)));
        } catch (DateTimeParseException e) {
            return blank(null);
        }
    }
}
