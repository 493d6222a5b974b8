package cn.shapotou.litigation.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A document the system writes for an office to print, stamp and send (身份证明书、授权委托书、书面情况说明、书面报告、
 * 工作通报…): a title, an addressee, paragraphs and tables, and the issuing body with its date. One model, two renderings:
 * {@link PdfRenderer} for reading and printing, {@link DocxRenderer} for the offices that edit the text before they sign.
 */
public record OfficialDocument(String title, String addressee, List<Block> blocks, String issuer, LocalDate date) {

    public OfficialDocument {
        blocks = List.copyOf(blocks);
    }

    /** A part of the body. */
    public sealed interface Block permits Text, Heading, Table, PageBreak, Title {}

    /** A paragraph; {@code indent} puts the two full-width spaces Chinese official writing starts a paragraph with. */
    public record Text(String text, boolean indent) implements Block {}

    /** A heading inside the body (一、二、…). */
    public record Heading(String text) implements Block {}

    /**
     * Ends one instrument of several in a file (several 授权委托书, each printed and stamped on its own): the issuer and
     * date close it as they close the document, and the next starts on a new page.
     */
    public record PageBreak() implements Block {}

    /** A title inside the body, set like the document's own (the second of several 授权委托书). */
    public record Title(String text) implements Block {}

    /** A table with a header row; {@code widths} are relative column widths. */
    public record Table(List<String> headers, List<List<String>> rows, float[] widths) implements Block {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Builds a document block by block. */
    public static final class Builder {
        private final String title;
        private String addressee;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder to(String addressee) {
            this.addressee = addressee;
            return this;
        }

        /** An indented paragraph. */
        public Builder paragraph(String text) {
            blocks.add(new Text(text, true));
            return this;
        }

        /** A line without indent (委托单位：…). */
        public Builder line(String text) {
            blocks.add(new Text(text, false));
            return this;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        /** Closes the instrument so far with the issuer and date; the rest starts on a new page. */
        public Builder pageBreak() {
            blocks.add(new PageBreak());
            return this;
        }

        /** A title set like the document's own, e.g. after a page break. */
        public Builder title(String text) {
            blocks.add(new Title(text));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows, float... widths) {
            blocks.add(new Table(headers, rows, widths));
            return this;
        }

        public OfficialDocument issuedBy(String issuer, LocalDate date) {
            return new OfficialDocument(title, addressee, blocks, issuer, date);
        }
    }

    /** 2026年12月2日: dates as official documents write them. */
    public static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A line to fill in by hand where the system does not know the value. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? "＿＿＿＿" : value;
    }
}
