package cn.shapotou.litigation.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The placeholders of src/docs/templates.md, in templates written the way Word saves them. */
class WordTemplateFillerTest {

    private static final Map<String, Object> CASE = Map.of("caseNumber", "（2026）宁0502行初1号",
            "court", "中卫市沙坡头区人民法院", "plaintiff", "张某某");

    @Test
    void aPlaceholderSplitOverRunsIsFilledWithTheFormattingOfTheRunWhereItStarts() throws Exception {
        byte[] template = template(d -> {
            XWPFParagraph p = d.createParagraph();
            run(p, "案号：{{case", 16);
            run(p, "Num", 9);
            run(p, "ber}}，原告{", 12);
            run(p, "{plaintiff}", 10);
            run(p, "}。", 11);
            d.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("{{court}}");
        });
        try (XWPFDocument filled = fill(template, CASE)) {
            XWPFParagraph p = filled.getParagraphs().get(0);
            assertThat(p.getText()).isEqualTo("案号：（2026）宁0502行初1号，原告张某某。");
            XWPFRun number = p.getRuns().stream().filter(r -> r.text().contains("宁0502")).findFirst().orElseThrow();
            assertThat(number.getFontSizeAsDouble()).isEqualTo(16.0);
            XWPFRun plaintiff = p.getRuns().stream().filter(r -> r.text().contains("张某某")).findFirst().orElseThrow();
            assertThat(plaintiff.getFontSizeAsDouble()).isEqualTo(12.0);
            assertThat(filled.getHeaderList().get(0).getText()).contains("中卫市沙坡头区人民法院");
        }
    }

    @Test
    void tableCellsAndRepeatedRowsAreFilled() throws Exception {
        byte[] template = template(d -> {
            XWPFTable table = d.createTable(3, 2);
            table.getRow(0).getCell(0).setText("受委托人");
            table.getRow(0).getCell(1).setText("法院：{{court}}");
            XWPFParagraph first = table.getRow(1).getCell(0).getParagraphs().get(0);
            run(first, "{{#agents}}{{agent", 14);
            run(first, "Name}}", 14);
            table.getRow(1).getCell(1).setText("{{agentUnit}}{{/agents}}");
            table.getRow(2).getCell(0).setText("合计");
            table.getRow(2).getCell(1).setText("{{court}}");
        });
        Map<String, Object> data = Map.of("court", "某法院", "agents", List.of(
                Map.of("agentName", "刘伟", "agentUnit", "区自然资源局"),
                Map.of("agentName", "李强", "agentUnit", "区司法局")));
        try (XWPFDocument filled = fill(template, data)) {
            XWPFTable table = filled.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("法院：某法院");
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("刘伟");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("区自然资源局");
            assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("李强");
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("区司法局");
            assertThat(table.getRow(3).getCell(1).getText()).isEqualTo("某法院");
        }
    }

    @Test
    void aRepeatedBlockOfPagesRepeatsParagraphsAndTablesEachOnANewPage() throws Exception {
        byte[] template = template(d -> {
            d.createParagraph().createRun().setText("{{#instruments}}");
            d.createParagraph().createRun().setText("授权委托书（{{caseNumber}}）");
            XWPFTable table = d.createTable(1, 1);
            table.getRow(0).getCell(0).setText("{{#agents}}{{agentName}}{{/agents}}");
            d.createParagraph().createRun().setText("{{/instruments}}");
            d.createParagraph().createRun().setText("完");
        });
        Map<String, Object> data = Map.of("caseNumber", "1号", "instruments", new WordTemplateFiller.Pages(List.of(
                Map.of("agents", List.of(Map.of("agentName", "刘伟"), Map.of("agentName", "陈律师"))),
                Map.of("agents", List.of(Map.of("agentName", "李强"))))));
        try (XWPFDocument filled = fill(template, data)) {
            List<XWPFParagraph> body = filled.getParagraphs();
            assertThat(body).extracting(XWPFParagraph::getText)
                    .containsExactly("授权委托书（1号）", "授权委托书（1号）", "完");
            assertThat(body.get(0).isPageBreak()).isFalse();
            assertThat(body.get(1).isPageBreak()).as("the second instrument starts on a new page").isTrue();
            assertThat(filled.getTables()).hasSize(2);
            assertThat(filled.getTables().get(0).getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("刘伟", "陈律师");
            assertThat(filled.getTables().get(1).getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("李强");
        }
    }

    @Test
    void aRepeatedPageThatStartsWithATableGetsAPageBreakBeforeIt() throws Exception {
        byte[] template = template(d -> {
            d.createParagraph().createRun().setText("{{#pages}}");
            d.createTable(1, 1).getRow(0).getCell(0).setText("{{name}}");
            d.createParagraph().createRun().setText("{{/pages}}");
        });
        Map<String, Object> data = Map.of("pages", new WordTemplateFiller.Pages(List.of(Map.of("name", "一"),
                Map.of("name", "二"))));
        try (XWPFDocument filled = fill(template, data)) {
            assertThat(filled.getTables()).extracting(XWPFTable::getText).containsExactly("一\n", "二\n");
            assertThat(filled.getParagraphs()).hasSize(1);
            assertThat(filled.getParagraphs().get(0).isPageBreak()).isTrue();
            assertThat(filled.getBodyElements().get(1)).isSameAs(filled.getParagraphs().get(0));
        }
    }

    @Test
    void aPartIsKeptWhenItsValueIsPresentAndTheOtherWhenItIsEmpty() throws Exception {
        byte[] template = template(d -> {
            for (String line : List.of("{{#draft}}", "{{draft}}", "{{/draft}}", "{{^draft}}", "【请写明事实与理由】",
                    "{{/draft}}", "此致{{unknownName}}")) {
                XWPFParagraph p = d.createParagraph();
                p.setFirstLineIndent(640);
                p.createRun().setText(line);
            }
        });
        try (XWPFDocument written = fill(template, Map.of("draft", "第一段。\n第二段。"))) {
            assertThat(written.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("第一段。", "第二段。", "此致{{unknownName}}");
            assertThat(written.getParagraphs().get(1).getFirstLineIndent()).as("each paragraph as the template sets it")
                    .isEqualTo(640);
        }
        try (XWPFDocument empty = fill(template, Map.of("draft", ""))) {
            assertThat(empty.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("【请写明事实与理由】", "此致{{unknownName}}");
        }
    }

    private interface Content {
        void write(XWPFDocument document);
    }

    private static byte[] template(Content content) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(document);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static XWPFDocument fill(byte[] template, Map<String, Object> data) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(
                WordTemplateFiller.fill(new ByteArrayInputStream(template), data)));
    }

    private static void run(XWPFParagraph p, String text, int size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
    }
}
