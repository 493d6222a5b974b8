package cn.shapotou.litigation.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The two documents the handling unit makes for the district government (Art. 6): the legal representative's identity
 * certificate (法定代表人身份证明书) and the power of attorney (授权委托书: the agents' particulars, the matters and the
 * scope of authority), as A4 PDFs a clerk prints, stamps and sends with the answer. Chinese text uses the standard
 * STSong CJK font that every PDF reader provides, so nothing is embedded.
 */
public final class CaseDocumentPdf {

    /** What the documents say about the case. */
    public record CaseFacts(String caseNumber, String court, String plaintiff, String causeOfAction, String principal,
                            String representativeName, String representativePost, LocalDate date) {}

    /** One agent of the power of attorney. */
    public record AgentLine(String name, String unit, String post, String kind, String authority) {}

    private final BaseFont song;

    public CaseDocumentPdf() {
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("CJK font STSong-Light unavailable", e);
        }
    }

    public byte[] legalRepresentativeCertificate(CaseFacts facts) {
        return write(document -> {
            title(document, "法定代表人身份证明书");
            body(document, "　　" + blank(facts.representativeName()) + "同志，在我单位任" + blank(facts.representativePost())
                    + "职务，是我单位的法定代表人。");
            body(document, "　　特此证明。");
            body(document, "　　（用于" + facts.court() + "受理的" + facts.caseNumber() + "原告" + facts.plaintiff() + "诉"
                    + facts.principal() + facts.causeOfAction() + "一案）");
            signature(document, facts);
        });
    }

    public byte[] powerOfAttorney(CaseFacts facts, List<AgentLine> agents) {
        return write(document -> {
            title(document, "授权委托书");
            body(document, "委托单位：" + facts.principal());
            body(document, "法定代表人：" + blank(facts.representativeName()) + "　　职务：" + blank(facts.representativePost()));
            PdfPTable table = new PdfPTable(new float[] {3, 4, 3, 3, 4});
            table.setWidthPercentage(100);
            table.setSpacingBefore(12);
            table.setSpacingAfter(12);
            for (String header : List.of("受委托人", "工作单位", "职务", "身份", "代理权限")) {
                table.addCell(cell(header, true));
            }
            for (AgentLine agent : agents) {
                table.addCell(cell(agent.name(), false));
                table.addCell(cell(agent.unit(), false));
                table.addCell(cell(agent.post(), false));
                table.addCell(cell(agent.kind(), false));
                table.addCell(cell(agent.authority(), false));
            }
            document.add(table);
            body(document, "代理事项：现委托上列受委托人在原告" + facts.plaintiff() + "诉" + facts.principal() + facts.causeOfAction()
                    + "一案（" + facts.court() + "，案号" + facts.caseNumber() + "）中，作为我方诉讼代理人，按上列权限代为参加诉讼。");
            body(document, "一般授权：代为出庭、陈述、答辩、举证、质证、辩论，代为签收法律文书。");
            body(document, "特别授权：除一般授权外，代为承认、放弃、变更诉讼请求，进行和解，提起上诉。");
            signature(document, facts);
        });
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 80, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("行政应诉文书");
            document.addCreator("行政应诉管理系统");
            document.open();
            content.write(document);
            document.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return out.toByteArray();
    }

    private void title(Document document, String text) throws DocumentException {
        Paragraph title = new Paragraph(text, new Font(song, 22, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(30);
        document.add(title);
    }

    private void body(Document document, String text) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, new Font(song, 14));
        paragraph.setLeading(28);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    private void signature(Document document, CaseFacts facts) throws DocumentException {
        document.add(Chunk.NEWLINE);
        document.add(Chunk.NEWLINE);
        for (String line : List.of(facts.principal() + "（盖章）",
                facts.date().getYear() + "年" + facts.date().getMonthValue() + "月" + facts.date().getDayOfMonth() + "日")) {
            Paragraph paragraph = new Paragraph(line, new Font(song, 14));
            paragraph.setAlignment(Element.ALIGN_RIGHT);
            paragraph.setLeading(28);
            document.add(paragraph);
        }
    }

    private PdfPCell cell(String text, boolean header) {
        PdfPCell cell = new PdfPCell(new Paragraph(text == null ? "" : text, new Font(song, 12, header ? Font.BOLD : Font.NORMAL)));
        cell.setPadding(6);
        cell.setHorizontalAlignment(header ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        return cell;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? "＿＿＿＿" : value;
    }
}
