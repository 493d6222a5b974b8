package cn.shapotou.litigation.documents;

import static cn.shapotou.litigation.documents.OfficialDocument.blank;

import cn.shapotou.litigation.answer.AnswerMaterials;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 法定代表人身份证明书, made by the handling unit for the district government (Art. 6 ¶1). */
@Component
public class LegalRepresentativeCertificate implements CaseDocumentTemplate {

    @Override
    public String id() {
        return "legal-representative-certificate";
    }

    @Override
    public String name() {
        return "法定代表人身份证明书";
    }

    @Override
    public OfficialDocument build(CaseDocumentContext c) {
        Map<String, Object> lead = AnswerMaterials.parse(c.latest(AnswerMaterials.VARIABLE))
                .getOrDefault(c.text("leadUnit"), Map.of());
        return OfficialDocument.builder(name())
                .paragraph(blank((String) lead.get("legalRepresentativeName")) + "同志，在我单位任"
                        + blank((String) lead.get("legalRepresentativePost")) + "职务，是我单位的法定代表人。")
                .paragraph("特此证明。")
                .paragraph("（用于" + c.caseDescription() + "）")
                .issuedBy(c.defendantName() + "（盖章）", c.today());
    }
}
