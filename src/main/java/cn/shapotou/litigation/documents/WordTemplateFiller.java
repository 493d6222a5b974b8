package cn.shapotou.litigation.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a Word template (.docx) that an office edits in Word or WPS: {@code {{name}}} is replaced by a value,
 * {@code {{#name}}…{{/name}}} repeats what lies between for each item of a list (or keeps it once when the value is
 * present, drops it when empty), {@code {{^name}}…{{/name}}} keeps what lies between only when the value is empty.
 * Markers of a repeated part stand alone in their own paragraphs (paragraphs and tables repeat) or in the first and
 * last row of a table's repeated rows. The syntax for the office is described in src/docs/templates.md.
 *
 * <p>Word splits text it has spell-checked or edited into several runs, so {@code {{caseNumber}}} may arrive as
 * {@code {{case}{Number}}}: every placeholder is first joined into the run where it starts, which keeps that run's
 * formatting (font, size) for the value.
 */
public final class WordTemplateFiller {

    private static final Logger LOG = LoggerFactory.getLogger(WordTemplateFiller.class);
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([#^/]?)\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    /** A list whose items each start on a new page (several instruments in one file, each printed and stamped). */
    public record Pages(List<Map<String, Object>> items) {

        public Pages {
            items = List.copyOf(items);
        }
    }

    private WordTemplateFiller() {}

    public static byte[] fill(InputStream template, Map<String, Object> data) {
        try (XWPFDocument document = new XWPFDocument(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<XmlObject> parts = new ArrayList<>();
            parts.add(document.getDocument().getBody());
            for (XWPFHeader header : document.getHeaderList()) {
                parts.add(header._getHdrFtr());
            }
            for (XWPFFooter footer : document.getFooterList()) {
                parts.add(footer._getHdrFtr());
            }
            for (XmlObject part : parts) {
                for (XmlObject p : part.selectPath("declare namespace w='" + W + "' .//w:p")) {
                    joinSplitPlaceholders((CTP) p);
                }
                fillElements(children(part), data);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- blocks of paragraphs and tables -------------------------------------------------------------------------

    private static void fillElements(List<XmlObject> elements, Map<String, Object> context) {
        for (int i = 0; i < elements.size(); i++) {
            XmlObject element = elements.get(i);
            Matcher start = element instanceof CTP p ? marker(p) : null;
            if (start != null && !start.group(1).equals("/")) {
                int end = endOf(elements, i, start.group(2));
                if (end < 0) {
                    LOG.warn("Word template: {{{}{}}} has no {{/{}}}", start.group(1), start.group(2), start.group(2));
                    fillParagraph((CTP) element, context);
                    continue;
                }
                repeatBlock(elements.subList(i + 1, end), elements.get(end), start.group(1), start.group(2), context);
                remove(element);
                elements.subList(i + 1, end).forEach(WordTemplateFiller::remove);
                remove(elements.get(end));
                i = end;
            } else if (element instanceof CTP p) {
                fillParagraph(p, context);
            } else if (element instanceof CTTbl table) {
                fillTable(table, context);
            }
        }
    }

    /** Inserts a filled copy of the segment before {@code endMarker} for each item; the originals are removed after. */
    private static void repeatBlock(List<XmlObject> segment, XmlObject endMarker, String kind, String name,
                                    Map<String, Object> context) {
        Object value = context.get(name);
        List<Map<String, Object>> items = items(kind, value, context);
        for (int k = 0; k < items.size(); k++) {
            List<XmlObject> copy = new ArrayList<>();
            for (XmlObject element : segment) {
                copy.add(insertCopyBefore(element, endMarker));
            }
            if (k > 0 && value instanceof Pages && !copy.isEmpty()) {
                startOnNewPage(copy.get(0));
            }
            fillElements(copy, items.get(k));
        }
    }

    /** The contexts in which a part is kept: one per list item, one if present (#) or empty (^), none otherwise. */
    private static List<Map<String, Object>> items(String kind, Object value, Map<String, Object> context) {
        boolean empty = value == null || Boolean.FALSE.equals(value) || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty() || value instanceof Pages p && p.items().isEmpty();
        if (kind.equals("^")) {
            return empty ? List.of(context) : List.of();
        }
        if (empty) {
            return List.of();
        }
        Collection<?> list = value instanceof Pages p ? p.items() : value instanceof Collection<?> c ? c : null;
        if (list == null) {
            return List.of(context);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> merged = new HashMap<>(context);
            if (item instanceof Map<?, ?> map) {
                map.forEach((k, v) -> merged.put(String.valueOf(k), v));
            }
            result.add(merged);
        }
        return result;
    }

    /** The index of the {@code {{/name}}} paragraph that closes the one at {@code from}, nested same names counted. */
    private static int endOf(List<XmlObject> elements, int from, String name) {
        int depth = 0;
        for (int i = from + 1; i < elements.size(); i++) {
            Matcher m = elements.get(i) instanceof CTP p ? marker(p) : null;
            if (m != null && m.group(2).equals(name)) {
                if (!m.group(1).equals("/")) {
                    depth++;
                } else if (depth-- == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A paragraph holding nothing but a block marker ({{#name}}, {{^name}} or {{/name}}). */
    private static Matcher marker(CTP p) {
        Matcher m = PLACEHOLDER.matcher(text(p).strip());
        return m.matches() && !m.group(1).isEmpty() ? m : null;
    }

    private static void startOnNewPage(XmlObject first) {
        if (first instanceof CTP p) {
            CTPPr properties = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
            (properties.isSetPageBreakBefore() ? properties.getPageBreakBefore() : properties.addNewPageBreakBefore())
                    .setVal(STOnOff1.ON);
        } else {
            try (XmlCursor cursor = first.newCursor()) {
                cursor.beginElement(new QName(W, "p"));
                cursor.toParent();
                ((CTP) cursor.getObject()).addNewPPr().addNewPageBreakBefore().setVal(STOnOff1.ON);
            }
        }
    }

    // --- tables: cells like the body, rows between {{#name}} and {{/name}} repeated ----------------------------------

    private static void fillTable(CTTbl table, Map<String, Object> context) {
        List<CTRow> rows = new ArrayList<>(List.of(table.getTrArray()));
        for (int i = 0; i < rows.size(); i++) {
            Matcher start = firstSectionStart(rows.get(i));
            int end = start == null ? -1 : rowEndOf(rows, i, start.group(2));
            if (start == null || end < 0) {
                for (CTTc cell : rows.get(i).getTcArray()) {
                    fillCell(cell, context);
                }
                continue;
            }
            String kind = start.group(1);
            String name = start.group(2);
            Object value = context.get(name);
            List<Map<String, Object>> items = items(kind, value, context);
            for (Map<String, Object> item : items) {
                for (CTRow row : rows.subList(i, end + 1)) {
                    CTRow copy = (CTRow) insertCopyBefore(row, rows.get(i));
                    for (XmlObject p : copy.selectPath("declare namespace w='" + W + "' .//w:p")) {
                        stripMarkers((CTP) p, name);
                    }
                    for (CTTc cell : copy.getTcArray()) {
                        fillCell(cell, item);
                    }
                }
            }
            rows.subList(i, end + 1).forEach(WordTemplateFiller::remove);
            i = end;
        }
    }

    /** A cell must keep a paragraph for Word to open the file, even when a block in it was dropped. */
    private static void fillCell(CTTc cell, Map<String, Object> context) {
        fillElements(children(cell), context);
        if (cell.sizeOfPArray() == 0) {
            cell.addNewP();
        }
    }

    private static Matcher firstSectionStart(CTRow row) {
        Matcher m = PLACEHOLDER.matcher(text(row));
        while (m.find()) {
            if (m.group(1).equals("#") || m.group(1).equals("^")) {
                return m;
            }
        }
        return null;
    }

    private static int rowEndOf(List<CTRow> rows, int from, String name) {
        Pattern end = Pattern.compile("\\{\\{\\s*/\\s*" + name + "\\s*}}");
        for (int i = from; i < rows.size(); i++) {
            if (end.matcher(text(rows.get(i))).find()) {
                return i;
            }
        }
        return -1;
    }

    private static void stripMarkers(CTP p, String name) {
        Pattern markers = Pattern.compile("\\{\\{\\s*[#^/]\\s*" + name + "\\s*}}");
        for (CTR run : p.getRArray()) {
            String text = text(run);
            String stripped = markers.matcher(text).replaceAll("");
            if (!stripped.equals(text)) {
                setText(run, stripped);
            }
        }
    }

    // --- paragraphs ------------------------------------------------------------------------------------------------

    private static void fillParagraph(CTP p, Map<String, Object> context) {
        CTR[] runs = p.getRArray();
        // A paragraph that is one placeholder of several lines becomes one paragraph per line (事实与理由 as written).
        if (runs.length > 0) {
            Matcher whole = PLACEHOLDER.matcher(text(p).strip());
            if (whole.matches() && whole.group(1).isEmpty() && context.get(whole.group(2)) != null) {
                String[] lines = String.valueOf(context.get(whole.group(2))).strip().split("\\R+");
                if (lines.length > 1) {
                    for (int i = lines.length - 1; i > 0; i--) {
                        CTP line = (CTP) insertCopyAfter(p, p);
                        replaceAll(line, lines[i].strip());
                    }
                    replaceAll(p, lines[0].strip());
                    return;
                }
            }
        }
        for (CTR run : runs) {
            String text = text(run);
            if (text.contains("{{")) {
                String filled = substitute(text, context);
                if (!filled.equals(text)) {
                    setText(run, filled);
                }
            }
        }
    }

    /** The paragraph's text set in its first run with text (its formatting), the other runs emptied. */
    private static void replaceAll(CTP p, String text) {
        boolean first = true;
        for (CTR run : p.getRArray()) {
            if (run.sizeOfTArray() > 0) {
                setText(run, first ? text : "");
                first = false;
            }
        }
    }

    private static String substitute(String text, Map<String, Object> context) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).isEmpty() && context.containsKey(m.group(2))) {
                Object value = context.get(m.group(2));
                replacement = value == null ? "" : String.valueOf(value);
            } else {
                // Left as written, so whoever prints the draft sees the misspelt name (src/docs/templates.md).
                LOG.warn("Word template: no value for {}", m.group());
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Moves each placeholder that Word split over several runs into the run where it starts; the runs after it keep
     * what follows the placeholder.
     */
    static void joinSplitPlaceholders(CTP p) {
        CTR[] runs = p.getRArray();
        if (runs.length < 2) {
            return;
        }
        String[] texts = new String[runs.length];
        int[] starts = new int[runs.length];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < runs.length; i++) {
            texts[i] = text(runs[i]);
            starts[i] = all.length();
            all.append(texts[i]);
        }
        if (all.indexOf("{{") < 0) {
            return;
        }
        boolean[] changed = new boolean[runs.length];
        List<int[]> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(all);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        // Last first: joining a placeholder changes only its own runs' text at and after its start.
        for (int f = found.size() - 1; f >= 0; f--) {
            int start = found.get(f)[0];
            int end = found.get(f)[1];
            int first = runAt(starts, texts, start);
            int last = runAt(starts, texts, end - 1);
            if (first == last) {
                continue;
            }
            texts[first] = texts[first].substring(0, start - starts[first]) + all.substring(start, end);
            changed[first] = true;
            for (int i = first + 1; i < last; i++) {
                texts[i] = "";
                changed[i] = true;
            }
            texts[last] = texts[last].substring(end - starts[last]);
            changed[last] = true;
        }
        for (int i = 0; i < runs.length; i++) {
            if (changed[i]) {
                setText(runs[i], texts[i]);
            }
        }
    }

    /** The run that holds the character at {@code index} of the paragraph's text (runs without text skipped). */
    private static int runAt(int[] starts, String[] texts, int index) {
        for (int i = 0; i < starts.length; i++) {
            if (index >= starts[i] && index < starts[i] + texts[i].length()) {
                return i;
            }
        }
        return starts.length - 1;
    }

    // --- XML helpers -----------------------------------------------------------------------------------------------

    private static String text(CTR run) {
        StringBuilder text = new StringBuilder();
        for (CTText t : run.getTArray()) {
            text.append(t.getStringValue());
        }
        return text.toString();
    }

    private static String text(CTP p) {
        StringBuilder text = new StringBuilder();
        for (CTR run : p.getRArray()) {
            text.append(text(run));
        }
        return text.toString();
    }

    private static String text(CTRow row) {
        StringBuilder text = new StringBuilder();
        for (XmlObject p : row.selectPath("declare namespace w='" + W + "' .//w:p")) {
            text.append(text((CTP) p));
        }
        return text.toString();
    }

    /** Replaces the run's text; line breaks in the value become Word line breaks. */
    private static void setText(CTR run, String text) {
        while (run.sizeOfTArray() > 0) {
            run.removeT(0);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addNewBr();
            }
            CTText t = run.addNewT();
            t.setStringValue(lines[i]);
            t.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        }
    }

    private static List<XmlObject> children(XmlObject container) {
        List<XmlObject> children = new ArrayList<>();
        try (XmlCursor cursor = container.newCursor()) {
            if (cursor.toFirstChild()) {
                do {
                    children.add(cursor.getObject());
                } while (cursor.toNextSibling());
            }
        }
        return children;
    }

    private static XmlObject insertCopyBefore(XmlObject source, XmlObject before) {
        try (XmlCursor from = source.newCursor(); XmlCursor to = before.newCursor()) {
            from.copyXml(to);
        }
        try (XmlCursor inserted = before.newCursor()) {
            inserted.toPrevSibling();
            return inserted.getObject();
        }
    }

    private static XmlObject insertCopyAfter(XmlObject source, XmlObject after) {
        try (XmlCursor from = source.newCursor(); XmlCursor to = after.newCursor()) {
            to.toEndToken();
            to.toNextToken();
            from.copyXml(to);
        }
        try (XmlCursor inserted = after.newCursor()) {
            inserted.toNextSibling();
            return inserted.getObject();
        }
    }

    private static void remove(XmlObject element) {
        try (XmlCursor cursor = element.newCursor()) {
            cursor.removeXml();
        }
    }
}
