package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.CaseDocumentTemplate;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.documents.WordTemplateDocument;
import cn.shapotou.litigation.documents.WordTemplateFiller;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 授权委托书 (Art. 6 ¶3): the agents' particulars, the matters and the scope of authority. Once the appearance is
 * planned it names the agents who actually appear (the plan, Art. 8); before, the agents of every handling unit's answer
 * materials. A party appoints one or two agents (行政诉讼法第三十一条第一款), so each 授权委托书 names at most two: more
 * agents (several units' answer materials) give several, each on its own page to be stamped.
 */
@Component
public class PowerOfAttorney implements CaseDocumentTemplate, WordTemplateDocument {

    /** 行政诉讼法第三十一条第一款: 当事人、法定代理人，可以委托一至二人作为诉讼代理人. */
    static final int AGENTS_PER_AUTHORISATION = 2;

    /**
     * The court-appearance stage's recorded plan (appearance.AppearancePlanCheck.VARIABLE), read by name as the stages
     * read each other's variables: that stage sits above this one (architecture.md「包结构规则」).
     */
    static final String APPEARANCE_PLAN = "appearancePlan";

    @Override
    public String id() {
        return "power-of-attorney";
    }

    @Override
    public String name() {
        return "授权委托书";
    }

    @Override
    public String template() {
        return "power-of-attorney.docx";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        LegalRepresentative representative = LegalRepresentative.of(c);
        List<List<Map<String, String>>> authorisations = authorisations(c);
        OfficialDocument.Builder document = OfficialDocument.builder(name());
        for (int i = 0; i < authorisations.size(); i++) {
            if (i > 0) {
                document.pageBreak().title(name());
            }
            List<List<String>> rows = authorisations.get(i).stream().map(a -> List.copyOf(a.values())).toList();
            document.line("委托单位：" + c.defendantName())
                    .line("法定代表人：" + representative.name() + "　　职务：" + representative.post())
                    .table(List.of("受委托人", "工作单位", "职务", "身份", "代理权限"), rows, 3, 4, 3, 3, 4)
                    .line("代理事项：现委托上列受委托人在原告" + c.text("plaintiff") + "诉" + c.defendantName()
                            + c.text("causeOfAction") + "一案（" + c.court() + "，案号" + c.caseNumber()
                            + "）中，作为我方诉讼代理人，按上列权限代为参加诉讼。")
                    .line("一般授权：代为出庭、陈述、答辩、举证、质证、辩论，代为签收法律文书。")
                    .line("特别授权：除一般授权外，代为承认、放弃、变更诉讼请求，进行和解，提起上诉。");
        }
        return document.issuedBy(c.defendantName() + "（盖章）", c.today());
    }

    /**
     * The Word version's placeholders: {@code instruments}, one page each, each with its {@code agents} (an instrument
     * without agents yet keeps one empty row to fill in by hand).
     */
    @Override
    public Map<String, Object> data(CaseDocumentContext c) {
        Map<String, Object> data = LegalRepresentative.templateData(c);
        List<Map<String, Object>> instruments = new ArrayList<>();
        for (List<Map<String, String>> agents : authorisations(c)) {
            List<Map<String, String>> rows = agents.isEmpty() ? List.of(emptyRow()) : agents;
            instruments.add(Map.of("agents", rows));
        }
        data.put("instruments", new WordTemplateFiller.Pages(instruments));
        return data;
    }

    /** The agents who act for the defendant, as {@link #agentFields} shows them. */
    public static List<Map<String, String>> agents(CaseDocumentContext c) {
        List<Map<String, Object>> agents = plannedAgents(c.latest(APPEARANCE_PLAN));
        if (agents.isEmpty()) {
            agents = AnswerMaterials.allAgents(AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE)));
        }
        return agents.stream().map(a -> agentFields(c, a)).toList();
    }

    /** The agents in groups of at most two, one group per 授权委托书; one empty instrument when nobody is named yet. */
    static List<List<Map<String, String>>> authorisations(CaseDocumentContext c) {
        List<Map<String, String>> agents = agents(c);
        List<List<Map<String, String>>> authorisations = new ArrayList<>();
        for (int i = 0; i < agents.size(); i += AGENTS_PER_AUTHORISATION) {
            authorisations.add(agents.subList(i, Math.min(agents.size(), i + AGENTS_PER_AUTHORISATION)));
        }
        if (authorisations.isEmpty()) {
            authorisations.add(List.of());
        }
        return authorisations;
    }

    /** The agents of the recorded appearance plan, none before one was recorded. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> plannedAgents(Object plan) {
        Object json = FormValues.json(plan);
        Object agents = json instanceof Map<?, ?> map ? map.get("agents") : json;
        List<Map<String, Object>> named = new ArrayList<>();
        if (agents instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m && FormValues.text(m.get("agentName")) != null) {
                    named.add((Map<String, Object>) m);
                }
            }
        }
        return named;
    }

    /** An agent as both versions show them, in the order of the table's columns. */
    static Map<String, String> agentFields(CaseDocumentContext c, Map<String, Object> a) {
        String kind = (String) a.get("agentKind");
        String authority = (String) a.get("agentAuthority");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("agentName", String.valueOf(a.get("agentName")));
        fields.put("agentUnit", c.unitName((String) a.get("agentUnit")));
        fields.put("agentPost", a.get("agentPost") == null ? "" : String.valueOf(a.get("agentPost")));
        fields.put("agentKind", kind == null ? "" : Agent.AgentKind.valueOf(kind).label());
        fields.put("agentAuthority", authority == null ? ""
                : Agent.Authority.valueOf(authority) == Agent.Authority.SPECIAL ? "特别授权" : "一般授权");
        return fields;
    }

    private static Map<String, String> emptyRow() {
        Map<String, String> row = new LinkedHashMap<>();
        for (String field : List.of("agentName", "agentUnit", "agentPost", "agentKind", "agentAuthority")) {
            row.put(field, "");
        }
        return row;
    }
}
