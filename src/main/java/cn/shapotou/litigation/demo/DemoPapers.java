package cn.shapotou.litigation.demo;

import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.casefile.FileStore;
import cn.shapotou.litigation.casefile.FileType;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The papers of the demo cases: small real PDF "scans" and Word drafts, uploaded by a clerk of the unit. */
@Component
class DemoPapers {

    private final FileStore store;
    private final IdentityService identity;

    DemoPapers(FileStore store, IdentityService identity) {
        this.store = store;
        this.identity = identity;
    }

    /** What the district office scans on receipt (Art. 10 ¶1). */
    void received(String caseNumber, String court, String plaintiff) {
        file(caseNumber, "office", FileCategory.COMPLAINT, "起诉状副本", FileType.PDF,
                pdf("行政起诉状（副本）", "原告：" + plaintiff, "被告：中卫市沙坡头区人民政府"));
        file(caseNumber, "office", FileCategory.NOTICE, "应诉通知书", FileType.PDF,
                pdf(court, "应诉通知书", "案号：" + caseNumber));
    }

    /** A unit's 答辩状 and evidence (Art. 6 ¶2), as its clerk uploads them in the task's 案卷材料 tab. */
    void answer(String caseNumber, String unit) {
        String clerk = identity.createUserQuery().memberOfGroup(unit).list().stream().findFirst()
                .map(u -> u.getId()).orElse(null);
        file(caseNumber, clerk, FileCategory.DEFENCE, "答辩状", FileType.DOCX, docx("答辩状",
                "答辩人作出的行政行为认定事实清楚，证据确实充分，适用法律正确，程序合法，请求驳回原告的诉讼请求。"));
        file(caseNumber, clerk, FileCategory.EVIDENCE, "调查询问笔录", FileType.PDF, pdf("调查询问笔录", "（扫描件）"));
        file(caseNumber, clerk, FileCategory.EVIDENCE, "现场勘验笔录", FileType.PDF, pdf("现场勘验笔录", "（扫描件）"));
    }

    private void file(String caseNumber, String user, FileCategory category, String title, FileType type, byte[] bytes) {
        try {
            store.store(new FileStore.Upload(caseNumber, category, title, title + "." + type.extension(), type, user),
                    new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            Font font = new Font(BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED), 14);
            for (String line : lines) {
                document.add(new Paragraph(line, font));
            }
        } catch (com.lowagie.text.DocumentException | IOException e) {
            throw new IllegalStateException(e);
        }
        document.close();
        return out.toByteArray();
    }

    private static byte[] docx(String title, String body) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun heading = doc.createParagraph().createRun();
            heading.setText(title);
            heading.setBold(true);
            doc.createParagraph().createRun().setText(body);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
