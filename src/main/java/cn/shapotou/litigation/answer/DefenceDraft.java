package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.WordTemplateDocument;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 行政答辩状 draft (Art. 6 ¶2 (一): the handling unit drafts the answer): a Word file only, for the unit to finish and
 * the district government to seal — 答辩人 the defendant agency with its legal representative and agents, 被答辩人 the
 * plaintiff, the case, then 答辩请求 and 事实与理由 with what the units have drafted so far, closed by 此致 the court.
 */
@Component
public class DefenceDraft implements WordTemplateDocument {

    @Override
    public String id() {
        return "defence-draft";
    }

    @Override
    public String name() {
        return "答辩状草稿";
    }

    @Override
    public String template() {
        return "defence-draft.docx";
    }

    @Override
    public Map<String, Object> data(CaseDocumentContext c) {
        Map<String, Object> data = LegalRepresentative.templateData(c);
        data.put("agents", PowerOfAttorney.agents(c));
        data.put("draftDefence", draft(c));
        return data;
    }

    /**
     * The units' submitted drafts, the lead unit's first (an upheld case has the Justice Bureau's part on the
     * reconsideration too, Art. 4 ¶4), each named by its unit when there are several; before any submission, the draft
     * an open 准备答辩材料 task holds. Empty when nobody has written one: the template then shows its guidance.
     */
    static String draft(CaseDocumentContext c) {
        Map<String, Map<String, Object>> materials = AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE));
        List<Map<String, Object>> parts = new ArrayList<>();
        Map<String, Object> lead = materials.get(c.text("leadUnit"));
        if (lead != null) {
            parts.add(lead);
        }
        materials.values().stream().filter(part -> part != lead).forEach(parts::add);
        List<String> drafts = new ArrayList<>();
        for (Map<String, Object> part : parts) {
            String text = FormValues.text(part.get("draftDefence"));
            if (text != null) {
                drafts.add(parts.size() > 1 ? "【" + part.get("unitName") + "拟写】\n" + text : text);
            }
        }
        if (drafts.isEmpty()) {
            String open = FormValues.text(c.latest("draftDefence"));
            return open == null ? "" : open;
        }
        return String.join("\n", drafts);
    }
}
