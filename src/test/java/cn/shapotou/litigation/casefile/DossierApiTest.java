package cn.shapotou.litigation.casefile;

import static cn.shapotou.litigation.casefile.CaseFileUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dossier (卷宗, Art. 18) over HTTP: the index and the newest version of every paper, checked, for participants. */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class DossierApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    private String caseNumber;

    @BeforeEach
    void registerCase() {
        TestCases.today("2026-11-23");
        Map<String, Object> data = TestCases.natresCase();
        caseNumber = (String) data.get("caseNumber");
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A PDF of {@code pages} pages. */
    static byte[] pdf(String text, int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        for (int i = 1; i <= pages; i++) {
            if (i > 1) {
                document.newPage();
            }
            document.add(new Paragraph(text + " " + i));
        }
        document.close();
        return out.toByteArray();
    }

    /** The entries of a ZIP by name, in their order. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private ResponseEntity<byte[]> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class, caseNumber);
    }

    @Test
    void theDossierHoldsTheIndexTheNewestVersionOfEveryPaperInDossierOrderAndAManifest() throws Exception {
        byte[] judgment = pdf("判决书", 3);
        byte[] defenceDraft = SampleFiles.docx("答辩状 第一稿");
        byte[] defence = SampleFiles.docx("答辩状 第二稿");
        byte[] photo = SampleFiles.image("png");
        upload(rest, "natres", caseNumber, "COURT_DECISION", "一审判决书", "判决书.pdf", judgment);
        upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx", defenceDraft);
        upload(rest, "natres", caseNumber, "EVIDENCE", "现场照片: 东侧/西侧", "照片.png", photo);
        TestCases.today("2026-11-25");
        upload(rest, "justice", caseNumber, "DEFENCE", "答辩状", "答辩状（修改）.docx", defence);

        ResponseEntity<byte[]> response = get("natres", "/api/cases/{n}/dossier.zip");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("卷宗-" + caseNumber + ".zip");
        Map<String, byte[]> zip = unzip(response.getBody());
        assertThat(zip.keySet()).containsExactly("00-卷内目录.pdf", "01-答辩状-答辩状.docx",
                "02-证据-现场照片_ 东侧_西侧.png", "03-裁判文书-一审判决书.pdf", "manifest.json");
        assertThat(zip.get("01-答辩状-答辩状.docx")).as("only the newest version").isEqualTo(defence);
        assertThat(zip.get("02-证据-现场照片_ 东侧_西侧.png")).isEqualTo(photo);
        assertThat(zip.get("03-裁判文书-一审判决书.pdf")).isEqualTo(judgment);

        Map<String, Object> manifest = new ObjectMapper().readValue(zip.get("manifest.json"), Map.class);
        assertThat(manifest).containsEntry("caseNumber", caseNumber).containsKey("generatedAt")
                .doesNotContainKey("archiveNumber");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) manifest.get("entries");
        assertThat(entries).extracting(e -> e.get("number") + " " + e.get("category") + " " + e.get("entry"))
                .containsExactly("1 DEFENCE 01-答辩状-答辩状.docx", "2 EVIDENCE 02-证据-现场照片_ 东侧_西侧.png",
                        "3 COURT_DECISION 03-裁判文书-一审判决书.pdf");
        for (Map<String, Object> e : entries) {
            byte[] bytes = zip.get((String) e.get("entry"));
            assertThat(e.get("sha256")).as((String) e.get("entry")).isEqualTo(sha256(bytes));
            assertThat(((Number) e.get("size")).longValue()).isEqualTo(bytes.length);
        }
        assertThat(entries.get(0)).containsEntry("title", "答辩状").containsEntry("fileName", "答辩状（修改）.docx")
                .containsEntry("version", 2).containsEntry("uploadedBy", "justice");
        assertThat((String) entries.get(0).get("uploadedAt")).startsWith("2026-11-25T");
        assertThat(entries.get(2)).containsEntry("pages", 3);

        String index = GeneratedDocuments.pdfText(zip.get("00-卷内目录.pdf"));
        assertThat(index).contains("卷内目录", caseNumber, "中卫市沙坡头区人民法院", "张某某", "土地行政处罚",
                "序号", "类别", "题名", "日期", "页数", "上传人",
                "1答辩状答辩状2026-11-25", "2证据现场照片:东侧/西侧2026-11-23", "3裁判文书一审判决书2026-11-233");
        assertThat(GeneratedDocuments.pdfText(get("natres", "/api/cases/{n}/dossier/index.pdf").getBody()))
                .contains("卷内目录", "一审判决书");

        List<Map<String, Object>> log = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/cases/{n}/access-log", List.class, caseNumber);
        assertThat(log).filteredOn(e -> "DOSSIER".equals(e.get("action")))
                .extracting(e -> e.get("user") + " " + e.get("fileId")).containsExactly("natres null");
    }

    @Test
    void whoMayNotSeeTheCaseGets404AndSupervisorsMayRead() {
        upload(rest, "natres", caseNumber, "EVIDENCE", null, "笔录.pdf", SampleFiles.pdf("笔录"));

        assertThat(get("wenchang", "/api/cases/{n}/dossier.zip").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("wenchang", "/api/cases/{n}/dossier/index.pdf").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("wenchang", "/api/cases/{n}/archive").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/cases/{n}/dossier.zip", byte[].class, caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("justice", "/api/cases/{n}/dossier.zip").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("demo", "/api/cases/{n}/dossier.zip").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}/archive", List.class, caseNumber))
                .as("not archived yet").isEmpty();
        assertThat(get("natres", "/api/cases/{n}/archive/1.zip").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDamagedPaperRefusesTheWholeDossierBeforeAnyByteIsSent() {
        upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx", SampleFiles.docx("答辩状"));
        byte[] pdf = SampleFiles.pdf("判决书");
        Map<String, Object> file = upload(rest, "natres", caseNumber, "COURT_DECISION", null, "判决书.pdf", pdf)
                .getBody();
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 1;
        jdbc.update("UPDATE lit_file_chunk SET data = ? WHERE file_id = ? AND seq = 0", tampered, file.get("id"));

        ResponseEntity<Map> refused = rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/dossier.zip",
                Map.class, caseNumber);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(refused.getBody().toString()).contains("判决书.pdf").contains("SHA-256").contains("拒绝");
        List<Map<String, Object>> log = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/cases/{n}/access-log", List.class, caseNumber);
        assertThat(log).extracting(e -> e.get("action")).containsExactly("UPLOAD", "UPLOAD", "INTEGRITY_FAILURE");
    }
}
