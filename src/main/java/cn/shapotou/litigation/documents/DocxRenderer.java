package cn.shapotou.litigation.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * An {@link OfficialDocument} as a Word document (.docx) that Word and WPS open for editing: title in 方正小标宋 style
 * (falls back to 宋体), body in 仿宋 three (16 pt), as 党政机关公文格式 (GB/T 9704) sets them.
 */
public final class DocxRenderer {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";

    public byte[] render(OfficialDocument source) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(source.title());
            document.getProperties().getCoreProperties().setCreator("行政应诉管理系统");
            title(document, source.title());
            if (source.addressee() != null) {
                run(document.createParagraph(), source.addressee() + "：", BODY_FONT, 16, false);
            }
            for (OfficialDocument.Block block : source.blocks()) {
                if (block instanceof OfficialDocument.Text t) {
                    XWPFParagraph p = document.createParagraph();
                    if (t.indent()) {
                        p.setFirstLineIndent(640);
                    }
                    run(p, t.text(), BODY_FONT, 16, false);
                } else if (block instanceof OfficialDocument.Heading h) {
                    XWPFParagraph p = document.createParagraph();
                    p.setFirstLineIndent(640);
                    run(p, h.text(), HEADING_FONT, 16, false);
                } else if (block instanceof OfficialDocument.Table t) {
                    table(document, t);
                } else if (block instanceof OfficialDocument.PageBreak) {
                    signature(document, source);
                    document.createParagraph().createRun().addBreak(BreakType.PAGE);
                } else if (block instanceof OfficialDocument.Title t) {
                    title(document, t.text());
                }
            }
            signature(document, source);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signature(XWPFDocument document, OfficialDocument source) {
        document.createParagraph();
        for (String line : List.of(source.issuer(), OfficialDocument.chineseDate(source.date()))) {
            XWPFParagraph p = document.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            run(p, line, BODY_FONT, 16, false);
        }
    }

    private static void title(XWPFDocument document, String text) {
        XWPFParagraph title = document.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(400);
        run(title, text, TITLE_FONT, 22, false);
    }

    private static void table(XWPFDocument document, OfficialDocument.Table source) {
        XWPFTable table = document.createTable(source.rows().size() + 1, source.headers().size());
        table.setWidth("100%");
        fill(table.getRow(0), source.headers(), true);
        for (int i = 0; i < source.rows().size(); i++) {
            fill(table.getRow(i + 1), source.rows().get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int i = 0; i < row.getTableCells().size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            if (header) {
                p.setAlignment(ParagraphAlignment.CENTER);
            }
            run(p, i < cells.size() ? cells.get(i) : "", BODY_FONT, 12, header);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
