package cn.shapotou.litigation.documents;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.answer.AnswerMaterials;
import cn.shapotou.litigation.appearance.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 授权委托书 (Art. 6 ¶3): the agents' particulars, the matters and the scope of authority, naming the agents of every
 * handling unit's answer materials.
 */
@Component
public class PowerOfAttorney implements CaseDocumentTemplate {

    @Override
    public String id() {
        return "power-of-attorney";
    }

    @Override
    public String name() {
        return "授权委托书";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        Map<String, Map<String, Object>> materials = AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE));
        Map<String, Object> lead = materials.getOrDefault(c.text("leadUnit"), Map.of());
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> a : AnswerMaterials.allAgents(materials)) {
            rows.add(row(c, a));
        }
        return OfficialDocument.builder(name())
                .line("委托单位：" + c.defendantName())
                .line("法定代表人：" + blank((String) lead.get("legalRepresentativeName")) + "　　职务："
                        + blank((String) lead.get("legalRepresentativePost")))
                .table(List.of("受委托人", "工作单位", "职务", "身份", "代理权限"), rows, 3, 4, 3, 3, 4)
                .line("代理事项：现委托上列受委托人在原告" + c.text("plaintiff") + "诉" + c.defendantName()
                        + c.text("causeOfAction") + "一案（" + c.court() + "，案号" + c.caseNumber()
                        + "）中，作为我方诉讼代理人，按上列权限代为参加诉讼。")
                .line("一般授权：代为出庭、陈述、答辩、举证、质证、辩论，代为签收法律文书。")
                .line("特别授权：除一般授权外，代为承认、放弃、变更诉讼请求，进行和解，提起上诉。")
                .issuedBy(c.defendantName() + "（盖章）", c.today());
    }

    static List<String> row(CaseDocumentContext c, Map<String, Object> a) {
        String kind = (String) a.get("agentKind");
        String authority = (String) a.get("agentAuthority");
        return List.of(String.valueOf(a.get("agentName")), c.unitName((String) a.get("agentUnit")),
                a.get("agentPost") == null ? "" : String.valueOf(a.get("agentPost")),
                kind == null ? "" : Agent.AgentKind.valueOf(kind).label(),
                authority == null ? "" : Agent.Authority.valueOf(authority) == Agent.Authority.SPECIAL ? "特别授权" : "一般授权");
    }
}
