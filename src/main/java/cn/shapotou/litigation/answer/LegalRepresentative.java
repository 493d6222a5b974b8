package cn.shapotou.litigation.answer;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.web.FormValues;
import java.util.Map;

/**
 * The defendant's legal representative as the lead unit gives them in its answer materials (Art. 6 ¶1, 法定代表人身份证明书);
 * while the lead unit is still writing them, what its open task holds. Blank lines to fill in by hand otherwise.
 */
public record LegalRepresentative(String name, String post) {

    public static LegalRepresentative of(CaseDocumentContext c) {
        Map<String, Object> lead = AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE))
                .getOrDefault(c.text("leadUnit"), Map.of());
        return new LegalRepresentative(blank(value(c, lead, "legalRepresentativeName")),
                blank(value(c, lead, "legalRepresentativePost")));
    }

    /** A Word template's placeholders for the case with the legal representative's name and post filled in. */
    public static Map<String, Object> templateData(CaseDocumentContext c) {
        LegalRepresentative representative = of(c);
        Map<String, Object> data = c.templateData();
        data.put("legalRepresentativeName", representative.name());
        data.put("legalRepresentativePost", representative.post());
        return data;
    }

    private static String value(CaseDocumentContext c, Map<String, Object> lead, String name) {
        String submitted = FormValues.text(lead.get(name));
        return submitted != null ? submitted : FormValues.text(c.latest(name));
    }
}
