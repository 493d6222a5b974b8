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
            line(md, "答辩状", files(unit.get("defenceFiles")));
            line(md, "答辩要点", unit.get("draftDefence"));
            line(md, "证据", files(unit.get("evidenceFiles")));
            line(md, "证据目录说明", unit.get("evidenceList"));
            line(md, "没有证据文件的原因", unit.get("noEvidenceReason"));
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

    /** 《答辩状》第2版（答辩状.docx）; the files themselves are in the task's 案卷材料 tab. */
    @SuppressWarnings("unchecked")
    static String files(Object value) {
        if (!(value instanceof List<?> refs) || refs.isEmpty()) {
            return null;
        }
        return String.join("；", ((List<Map<String, Object>>) refs).stream().map(f -> "《" + f.get("title") + "》第" + f.get("version") + "版（"
                + f.get("fileName") + "）").toList());
    }

    /** A part's evidence as the report lists it: the files, and the unit's notes on them or on why there are none. */
    static String evidence(Map<String, Object> part) {
        List<String> items = new java.util.ArrayList<>();
        for (Object item : new Object[] {files(part.get("evidenceFiles")), part.get("evidenceList"),
                part.get("noEvidenceReason") == null ? null : "没有证据文件：" + part.get("noEvidenceReason")}) {
            if (item != null && !String.valueOf(item).isBlank()) {
                items.add(String.valueOf(item));
            }
        }
        return items.isEmpty() ? null : String.join("\n", items);
    }

    private static void line(StringBuilder md, String label, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            md.append("- **").append(label).append("：** ").append(String.valueOf(value).replace("\n", " ")).append('\n');
        }
    }
}
