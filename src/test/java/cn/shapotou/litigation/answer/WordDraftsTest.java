package cn.shapotou.litigation.answer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Word drafts filled from the templates in src/main/resources/documents/templates (src/docs/templates.md): the
 * 答辩状 draft, 法定代表人身份证明书 and 授权委托书 of a registered case, over HTTP as the forms link them.
 */
@IntegrationTest
class WordDraftsTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private CaseWalk walk;
    private String caseNumber;

    @BeforeEach
    void upheldCaseWithCounsel() {
        walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        // upheld by the district government's reconsideration: it is the defendant, with two handling units
        data.put("reconsideration", "UPHELD");
        caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
    }

    @Test
    void theDefenceDraftNamesThePartiesTheCaseAndTheUnitsDrafts() throws Exception {
        try (XWPFDocument before = docx("natres", "defence-draft.docx")) {
            String text = text(before);
            assertThat(text).contains("行政答辩状", "答辩人：中卫市沙坡头区人民政府", "被答辩人：张某某", caseNumber,
                    "中卫市沙坡头区人民法院", "土地行政处罚", "答辩请求：", "事实与理由：", "【请写明被诉行政行为的事实根据",
                    "此致", "答辩人：中卫市沙坡头区人民政府（盖章）", "法定代表人：＿＿＿＿");
            assertThat(text).doesNotContain("{{", "}}", "委托诉讼代理人");
            assertOfficialFonts(before, caseNumber);
        }
        submitMaterials();

        try (XWPFDocument after = docx("justice", "defence-draft.docx")) {
            String text = text(after);
            assertThat(text).contains("法定代表人：马区长，职务：区长", "委托诉讼代理人：刘伟，区自然资源局科长",
                    "委托诉讼代理人：陈律师", "委托诉讼代理人：李强，区司法局科长", "【区自然资源局拟写】",
                    "答辩人认为被诉行为事实清楚、证据确实充分。", "【区司法局拟写】");
            assertThat(text).doesNotContain("{{", "【请写明被诉行政行为的事实根据");
            assertThat(text.indexOf("事实与理由：")).isLessThan(text.indexOf("答辩人认为被诉行为"));
            assertThat(text.indexOf("答辩人认为被诉行为")).isLessThan(text.indexOf("此致"));
            assertOfficialFonts(after, "答辩人认为被诉行为");
        }
    }

    @Test
    void theCertificateAndThePowerOfAttorneyComeFromTheirTemplates() throws Exception {
        submitMaterials();
        for (String id : List.of("legal-representative.docx", "legal-representative-certificate.docx")) {
            try (XWPFDocument certificate = docx("natres", id)) {
                String text = text(certificate);
                assertThat(text).contains("法定代表人身份证明书", "马区长同志，在我单位任区长职务", caseNumber,
                        "中卫市沙坡头区人民法院", "原告张某某", "土地行政处罚", "中卫市沙坡头区人民政府（盖章）");
                assertThat(text).doesNotContain("{{");
                assertOfficialFonts(certificate, "马区长");
            }
        }

        try (XWPFDocument attorney = docx("natres", "power-of-attorney.docx")) {
            String text = text(attorney);
            // three agents: two 授权委托书 (行政诉讼法第三十一条第一款), the second on its own page
            assertThat(text.split("委托单位：", -1)).hasSize(3);
            assertThat(text).contains("刘伟", "陈律师", "李强", "区自然资源局", "区司法局", "律师", caseNumber,
                    "中卫市沙坡头区人民法院", "原告张某某诉中卫市沙坡头区人民政府土地行政处罚一案", "法定代表人：马区长");
            assertThat(text).doesNotContain("{{");
            assertThat(attorney.getTables()).hasSize(2);
            assertThat(attorney.getTables().get(0).getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("受委托人", "刘伟", "陈律师");
            assertThat(attorney.getTables().get(1).getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("受委托人", "李强");
            assertThat(attorney.getParagraphs().stream().filter(XWPFParagraph::isPageBreak)
                    .map(XWPFParagraph::getText)).containsExactly("授权委托书");
            assertOfficialFonts(attorney, "委托单位：");
        }
    }

    @Test
    void onlyThoseWhoMaySeeTheCaseGetTheDraftsAndTheDraftHasNoPdf() {
        for (String id : List.of("defence-draft.docx", "legal-representative.docx", "power-of-attorney.docx")) {
            ResponseEntity<byte[]> ok = rest.withBasicAuth("natres", "demo").getForEntity(
                    "/api/cases/{n}/documents/" + id, byte[].class, caseNumber);
            assertThat(ok.getStatusCode()).as(id).isEqualTo(HttpStatus.OK);
            assertThat(ok.getHeaders().getContentType().toString()).startsWith(DOCX);
            assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}/documents/" + id,
                    String.class, caseNumber).getStatusCode()).as(id).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/documents/defence-draft.docx",
                byte[].class, caseNumber).getHeaders().getContentDisposition().getFilename())
                .isEqualTo("答辩状草稿-" + caseNumber + ".docx");
        ResponseEntity<String> pdf = rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/defence-draft.pdf", String.class, caseNumber);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pdf.getBody()).contains("只有 Word 版本");
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity(
                "/api/cases/{n}/documents/legal-representative.pdf", byte[].class, caseNumber).getStatusCode())
                .as("the certificate's PDF under the Word version's name").isEqualTo(HttpStatus.OK);
    }

    /**
     * What the unit saved with 暂存 (copied into the task by litigation/saved-draft.js) is what a document opened from
     * that task shows, in a returned round too; without the task (or one the caller cannot see), the submission.
     */
    @Test
    void aDocumentOpenedFromATaskShowsWhatWasSavedThere() throws Exception {
        submitMaterials();
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(),
                Map.of("reviewPassed", false, "reviewRemarks", "代理人另行确定"));
        Task part = walk.tasks(caseNumber, "PrepareAnswerTask").stream()
                .filter(t -> "natural-resources".equals(runtime.getVariable(t.getExecutionId(), "answerUnit")))
                .findFirst().orElseThrow();
        Map<String, Object> saved = Map.of("legalRepresentativeName", "赵区长", "legalRepresentativePost", "代区长",
                "draftDefence", "暂存的答辩意见。", "agent1Name", "孙敏", "agent1Unit", "natural-resources",
                "agent1Post", "法规科科长", "agent1Kind", "STAFF", "agent1IsHandler", true, "agent1Authority", "GENERAL");
        String url = "/api/tasks/{id}/saved-draft";
        assertThat(rest.withBasicAuth("natres", "demo").exchange(url, HttpMethod.PUT, new HttpEntity<>(saved),
                String.class, part.getId()).getStatusCode()).as("only its assignee saves a form").isEqualTo(HttpStatus.FORBIDDEN);
        tasks.claim(part.getId(), "natres");
        assertThat(rest.withBasicAuth("wenchang", "demo").exchange(url, HttpMethod.PUT, new HttpEntity<>(saved),
                String.class, part.getId()).getStatusCode()).as("a task the caller cannot see").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("natres", "demo").exchange(url, HttpMethod.PUT, new HttpEntity<>(saved),
                String.class, part.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String withTask = "?task=" + part.getId();

        String certificate = GeneratedDocuments.pdfText(rest.withBasicAuth("natres", "demo").getForObject(
                "/api/cases/{n}/documents/legal-representative-certificate.pdf" + withTask, byte[].class, caseNumber));
        assertThat(certificate).contains("赵区长", "代区长").doesNotContain("马区长");
        try (XWPFDocument draft = docx("natres", "defence-draft.docx" + withTask)) {
            assertThat(text(draft)).contains("法定代表人：赵区长，职务：代区长", "委托诉讼代理人：孙敏，区自然资源局法规科科长",
                    "暂存的答辩意见。", "复议程序合法。").doesNotContain("刘伟");
        }
        try (XWPFDocument submitted = docx("natres", "defence-draft.docx")) {
            assertThat(text(submitted)).as("without the task: the submission").contains("马区长", "刘伟")
                    .doesNotContain("赵区长");
        }
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/documents/defence-draft.docx?task=x",
                byte[].class, caseNumber).getStatusCode()).as("an unknown task: the submission").isEqualTo(HttpStatus.OK);
    }

    private void submitMaterials() {
        for (Task part : walk.tasks(caseNumber, "PrepareAnswerTask")) {
            boolean justice = "justice-bureau".equals(runtime.getVariable(part.getExecutionId(), "answerUnit"));
            Map<String, Object> materials = new java.util.HashMap<>(CaseWalk.materials(justice
                    ? List.of(CaseWalk.agent("李强", "justice-bureau", "STAFF", false))
                    : List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true),
                            CaseWalk.agent("陈律师", "legal-counsel-office", "LAWYER", false))));
            if (justice) {
                materials.put("draftDefence", "复议程序合法。");
            }
            walk.filePapers(caseNumber, justice ? "justice-bureau" : "natural-resources");
            tasks.complete(part.getId(), materials);
        }
    }

    private XWPFDocument docx(String user, String id) throws Exception {
        ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo").getForEntity(
                "/api/cases/{n}/documents/" + id, byte[].class, caseNumber);
        assertThat(response.getStatusCode()).as(id).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith(DOCX);
        return new XWPFDocument(new ByteArrayInputStream(response.getBody()));
    }

    private static String text(XWPFDocument document) throws Exception {
        try (var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            return extractor.getText().replaceAll("\\s+", "");
        }
    }

    /** GB/T 9704: the title in 方正小标宋简体, the body (here the paragraph with {@code bodyText}) in 仿宋_GB2312. */
    private static void assertOfficialFonts(XWPFDocument document, String bodyText) {
        XWPFRun title = document.getParagraphs().stream().filter(p -> !p.getText().isBlank()).findFirst()
                .orElseThrow().getRuns().get(0);
        assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
        XWPFRun body = document.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> r.text().contains(bodyText)).findFirst().orElseThrow();
        assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
        assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
    }
}
