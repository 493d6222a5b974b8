package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.documents.CaseDocumentContext;
import cn.shapotou.litigation.documents.CaseDocumentTemplate;
import cn.shapotou.litigation.documents.OfficialDocument;
import cn.shapotou.litigation.documents.WordTemplateDocument;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 法定代表人身份证明书, made by the handling unit for the district government (Art. 6 ¶1): a PDF drawn by the system, and
 * a Word version filled from the office's template, also offered as {@code legal-representative.docx}.
 */
@Component
public class LegalRepresentativeCertificate implements CaseDocumentTemplate, WordTemplateDocument {

    @Override
    public String id() {
        return "legal-representative-certificate";
    }

    @Override
    public List<String> otherIds() {
        return List.of("legal-representative");
    }

    @Override
    public String template() {
        return "legal-representative.docx";
    }

    @Override
    public String name() {
        return "法定代表人身份证明书";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        LegalRepresentative representative = LegalRepresentative.of(c);
        return OfficialDocument.builder(name())
                .paragraph(representative.name() + "同志，在我单位任" + representative.post() + "职务，是我单位的法定代表人。")
                .paragraph("特此证明。")
                .paragraph("（用于" + c.caseDescription() + "）")
                .issuedBy(c.defendantName() + "（盖章）", c.today());
    }

    @Override
    public Map<String, Object> data(CaseDocumentContext c) {
        Map<String, Object> data = LegalRepresentative.templateData(c);
        return data;
    }
}
