package cn.shapotou.litigation.answer;

import java.util.List;
import java.util.Map;

/** The submitted answer materials as Markdown, for the review and sealing forms. */
final class AnswerSummary {

    private AnswerSummary() {}

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Map<String, Object>> all) {
        StringBuilder md = new StringBuilder();
        for (Map<String, Object> unit : all.values()) {
            md.append("#### ").append(unit.get("unitName")).append("（第").append(unit.get("round"))
                    .append("稿，").append(unit.get("submittedOn")).append("）\n\n");
            line(md, "答辩状代拟稿", unit.get("draftDefence"));
            line(md, "证据", unit.get("evidenceList"));
            line(md, "规范性文件", unit.get("normativeDocuments"));
            line(md, "其他材料", unit.get("otherMaterials"));
            if (unit.get("legalRepresentativeName") != null) {
                line(md, "法定代表人", unit.get("legalRepresentativeName") + "（" + unit.get("legalRepresentativePost") + "）");
            }
            for (Map<String, Object> agent : (List<Map<String, Object>>) unit.getOrDefault("agents", List.of())) {
                line(md, "诉讼代理人", agent.get("agentName") + "，" + (agent.get("agentPost") == null ? "" : agent.get("agentPost"))
                        + ("LAWYER".equals(agent.get("agentKind")) ? "，律师" : "，工作人员")
                        + (Boolean.TRUE.equals(agent.get("agentIsHandler")) ? "，被诉行为承办人或熟悉业务" : "")
                        + ("SPECIAL".equals(agent.get("agentAuthority")) ? "，特别授权" : "，一般授权"));
            }
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            md.append("- **").append(label).append("：** ").append(String.valueOf(value).replace("\n", " ")).append('\n');
        }
    }
}
