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
import java.util.List;

/**
 * An {@link OfficialDocument} as an A4 PDF. Chinese text uses the standard STSong CJK font that every PDF reader
 * provides, so nothing is embedded and the files stay small.
 */
public final class PdfRenderer {

    private final BaseFont song;

    public PdfRenderer() {
        try {
            song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("CJK font STSong-Light unavailable", e);
        }
    }

    public byte[] render(OfficialDocument source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 80, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(source.title());
            document.addCreator("行政应诉管理系统");
            document.open();
            document.add(title(source.title()));
            if (source.addressee() != null) {
                document.add(paragraph(source.addressee() + "：", false));
            }
            for (OfficialDocument.Block block : source.blocks()) {
                if (block instanceof OfficialDocument.Text t) {
                    document.add(paragraph((t.indent() ? "　　" : "") + t.text(), false));
                } else if (block instanceof OfficialDocument.Heading h) {
                    document.add(paragraph("　　" + h.text(), true));
                } else if (block instanceof OfficialDocument.Table t) {
                    document.add(table(t));
                } else if (block instanceof OfficialDocument.PageBreak) {
                    signature(document, source);
                    document.newPage();
                } else if (block instanceof OfficialDocument.Title t) {
                    document.add(title(t.text()));
                }
            }
            signature(document, source);
            document.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return out.toByteArray();
    }

    private void signature(Document document, OfficialDocument source) throws DocumentException {
        document.add(Chunk.NEWLINE);
        document.add(Chunk.NEWLINE);
        for (String line : List.of(source.issuer(), OfficialDocument.chineseDate(source.date()))) {
            Paragraph paragraph = new Paragraph(line, new Font(song, 14));
            paragraph.setAlignment(Element.ALIGN_RIGHT);
            paragraph.setLeading(28);
            document.add(paragraph);
        }
    }

    private Paragraph title(String text) {
        Paragraph title = new Paragraph(text, new Font(song, 22, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(30);
        return title;
    }

    private Paragraph paragraph(String text, boolean bold) {
        Paragraph paragraph = new Paragraph(text, new Font(song, 14, bold ? Font.BOLD : Font.NORMAL));
        paragraph.setLeading(28);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    private PdfPTable table(OfficialDocument.Table source) throws DocumentException {
        PdfPTable table = source.widths() != null && source.widths().length == source.headers().size()
                ? new PdfPTable(source.widths()) : new PdfPTable(source.headers().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setSpacingAfter(12);
        for (String header : source.headers()) {
            table.addCell(cell(header, true));
        }
        for (List<String> row : source.rows()) {
            for (int i = 0; i < source.headers().size(); i++) {
                table.addCell(cell(i < row.size() ? row.get(i) : "", false));
            }
        }
        return table;
    }

    private PdfPCell cell(String text, boolean header) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, new Font(song, 12, header ? Font.BOLD : Font.NORMAL)));
        cell.setPadding(6);
        cell.setHorizontalAlignment(header ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        return cell;
    }
}
