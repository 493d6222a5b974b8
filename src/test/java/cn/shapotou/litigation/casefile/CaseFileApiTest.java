package cn.shapotou.litigation.casefile;

import static cn.shapotou.litigation.casefile.CaseFileUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.AbstractResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case file over HTTP: what goes in comes out byte for byte, for the case's participants only. */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class CaseFileApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    private String caseNumber;

    @BeforeEach
    void registerCase() {
        Map<String, Object> data = TestCases.natresCase();
        caseNumber = (String) data.get("caseNumber");
        assertThat(rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private ResponseEntity<byte[]> download(String user, String id) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/cases/{n}/files/{id}", byte[].class, caseNumber, id);
    }

    private List<Map<String, Object>> list(String user, String query) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/cases/{n}/files" + query, List.class, caseNumber);
    }

    private static String message(ResponseEntity<Map> response) {
        return (String) ((List<Map<String, Object>>) response.getBody().get("errors")).get(0).get("message");
    }

    @Test
    void anUploadComesBackByteForByteWithItsSha256() throws Exception {
        byte[] pdf = SampleFiles.pdf("中卫市沙坡头区人民法院 应诉通知书");
        ResponseEntity<Map> created = upload(rest, "natres", caseNumber, "NOTICE", null, "应诉通知书（扫描件）.pdf", pdf);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> file = created.getBody();
        assertThat(file).containsEntry("caseNumber", caseNumber).containsEntry("category", "NOTICE")
                .containsEntry("title", "应诉通知书（扫描件）").containsEntry("fileName", "应诉通知书（扫描件）.pdf")
                .containsEntry("contentType", "application/pdf").containsEntry("size", pdf.length)
                .containsEntry("sha256", sha256(pdf)).containsEntry("version", 1).containsEntry("uploadedBy", "natres");
        assertThat((String) file.get("uploadedAt")).endsWith("+08:00");

        ResponseEntity<byte[]> back = download("natres", (String) file.get("id"));
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(back.getBody()).isEqualTo(pdf);
        assertThat(back.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(back.getHeaders().getETag()).isEqualTo("\"" + sha256(pdf) + "\"");
        assertThat(back.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(back.getHeaders().getContentDisposition().getFilename()).isEqualTo("应诉通知书（扫描件）.pdf");

        assertThat(list("justice", "")).extracting(f -> f.get("id")).containsExactly(file.get("id"));
    }

    @Test
    void aPaperWithTheSameCategoryAndTitleIsItsNextVersionAndEarlierOnesRemain() throws Exception {
        byte[] first = SampleFiles.docx("答辩状 第一稿");
        byte[] second = SampleFiles.docx("答辩状 第二稿");
        Map<String, Object> v1 = upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx", first).getBody();
        upload(rest, "natres", caseNumber, "EVIDENCE", "现场勘验笔录", "勘验.pdf", SampleFiles.pdf("笔录"));
        Map<String, Object> v2 = upload(rest, "justice", caseNumber, "DEFENCE", "答辩状", "答辩状（修改）.docx", second)
                .getBody();

        assertThat(v1.get("version")).isEqualTo(1);
        assertThat(v2.get("version")).isEqualTo(2);
        List<Map<String, Object>> newest = list("natres", "");
        assertThat(newest).extracting(f -> f.get("category") + "/" + f.get("title") + "/v" + f.get("version"))
                .containsExactly("DEFENCE/答辩状/v2", "EVIDENCE/现场勘验笔录/v1");
        assertThat(newest.get(0)).containsEntry("categoryLabel", "答辩状");
        assertThat(list("natres", "?versions=all")).extracting(f -> f.get("title") + "/v" + f.get("version"))
                .containsExactly("答辩状/v2", "答辩状/v1", "现场勘验笔录/v1");
        assertThat(download("natres", (String) v1.get("id")).getBody()).isEqualTo(first);
        assertThat(sha256(download("natres", (String) v2.get("id")).getBody())).isEqualTo(v2.get("sha256"));
    }

    @Test
    void whoMayNotSeeTheCaseDoesNotLearnItsFilesExist() {
        Map<String, Object> file = upload(rest, "natres", caseNumber, "EVIDENCE", null, "照片.png",
                SampleFiles.image("png")).getBody();
        String id = (String) file.get("id");

        assertThat(download("wenchang", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}/files", Map.class, caseNumber)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> refused = upload(rest, "wenchang", caseNumber, "EVIDENCE", null, "x.pdf", SampleFiles.pdf("x"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/cases/{n}/files/{id}", Map.class, caseNumber, id).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // A file id of another case is not a file of this one.
        Map<String, Object> other = TestCases.natresCase();
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases", other, Map.class);
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/files/{id}", Map.class,
                other.get("caseNumber"), id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list("justice", "")).hasSize(1);
        assertThat(list("demo", "")).hasSize(1);
    }

    @Test
    void everyUploadAndDownloadIsInTheAccessLogWhichOnlySupervisorsRead() {
        Map<String, Object> file = upload(rest, "natres", caseNumber, "EVIDENCE", null, "照片.jpg",
                SampleFiles.image("jpeg")).getBody();
        download("natres", (String) file.get("id"));
        download("justice", (String) file.get("id"));

        List<Map<String, Object>> log = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/cases/{n}/access-log", List.class, caseNumber);
        assertThat(log).extracting(e -> e.get("user") + " " + e.get("action") + " " + e.get("fileId"))
                .containsExactly("natres UPLOAD " + file.get("id"), "natres DOWNLOAD " + file.get("id"),
                        "justice DOWNLOAD " + file.get("id"));
        assertThat(log.get(0)).containsKey("at");
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/access-log", Map.class, caseNumber)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExecutableNamedPdfIsRefusedAndNothingIsStored() {
        ResponseEntity<Map> refused = upload(rest, "natres", caseNumber, "EVIDENCE", null, "证据.pdf",
                SampleFiles.executable());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(refused)).contains("按文件内容判断").contains("PDF");
        assertThat(list("natres", "?versions=all")).isEmpty();
        // Archive copies of dossiers (CaseArchiveTest) are kept by lit_case_archive, not lit_file.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lit_file_chunk WHERE file_id NOT IN (SELECT id FROM lit_file)"
                + " AND file_id NOT IN (SELECT file_id FROM lit_case_archive)", Integer.class)).isZero();
    }

    @Test
    void badFieldsAreNamed() {
        ResponseEntity<Map> noCategory = upload(rest, "natres", caseNumber, null, null, "a.pdf", SampleFiles.pdf("a"));
        assertThat(noCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) noCategory.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("category");
        ResponseEntity<Map> unknown = upload(rest, "natres", caseNumber, "SECRET", null, "a.pdf", SampleFiles.pdf("a"));
        assertThat(message(unknown)).isEqualTo("没有这种材料类别：SECRET");
        ResponseEntity<Map> empty = upload(rest, "natres", caseNumber, "OTHER", null, "a.pdf", new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) empty.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("file");
        assertThat(list("natres", "?versions=all")).isEmpty();
    }

    @Test
    void aFileOverFiftyMebibytesIsRefusedWith413() {
        long size = CaseFiles.MAX_BYTES + 1;
        ResponseEntity<Map> refused = upload(rest, "natres", caseNumber, "EVIDENCE", null,
                new Zeros("扫描件.pdf", size));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(message(refused)).contains("50 MiB");
        assertThat(list("natres", "?versions=all")).isEmpty();
        // The rest of /api keeps its small limit.
        ResponseEntity<Map> json = rest.withBasicAuth("office", "demo").postForEntity("/api/cases",
                Map.of("caseNumber", "x".repeat(300 * 1024)), Map.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aStoredFileWhoseBytesChangedIsRefusedNeverServed() {
        byte[] pdf = SampleFiles.pdf("判决书");
        Map<String, Object> file = upload(rest, "natres", caseNumber, "COURT_DECISION", null, "判决书.pdf", pdf)
                .getBody();
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 1;
        jdbc.update("UPDATE lit_file_chunk SET data = ? WHERE file_id = ? AND seq = 0", tampered, file.get("id"));

        ResponseEntity<Map> refused = rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/files/{id}",
                Map.class, caseNumber, file.get("id"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(message(refused)).contains("判决书.pdf").contains("SHA-256").contains("拒绝");
        List<Map<String, Object>> log = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/cases/{n}/access-log", List.class, caseNumber);
        assertThat(log).extracting(e -> e.get("action")).containsExactly("UPLOAD", "INTEGRITY_FAILURE");
    }

    private ResponseEntity<Map> registerWithScans(Map<String, Object> data, byte[] complaint, byte[] notice)
            throws Exception {
        org.springframework.util.MultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        form.add("case", new org.springframework.http.HttpEntity<>(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data), json));
        if (complaint != null) {
            form.add("complaint", CaseFileUploads.named("起诉状.pdf", complaint));
        }
        if (notice != null) {
            form.add("notice", CaseFileUploads.named("应诉通知书.jpg", notice));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("office", "demo").exchange("/api/cases", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, headers), Map.class);
    }

    @Test
    void theOfficeRegistersACaseWithItsScansAllOrNothing() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        String number = (String) data.get("caseNumber");
        byte[] complaint = SampleFiles.pdf("行政起诉状");
        ResponseEntity<Map> refused = registerWithScans(data, complaint, SampleFiles.executable());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("notice");
        ResponseEntity<Map> missing = registerWithScans(data, complaint, null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("office", "demo").getForEntity("/api/cases/{n}", Map.class, number)
                .getStatusCode()).as("nothing registered").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> created = registerWithScans(data, complaint, SampleFiles.image("jpeg"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("leadUnit", "natural-resources");
        List<Map<String, Object>> files = rest.withBasicAuth("natres", "demo")
                .getForObject("/api/cases/{n}/files", List.class, number);
        assertThat(files).extracting(f -> f.get("category") + "/" + f.get("title") + "/" + f.get("fileName"))
                .containsExactly("COMPLAINT/起诉状副本/起诉状.pdf", "NOTICE/应诉通知书/应诉通知书.jpg");
        assertThat(files.get(0)).containsEntry("sha256", sha256(complaint)).containsEntry("uploadedBy", "office");
        // A second registration of the number stores no second set of scans.
        assertThat(registerWithScans(data, complaint, SampleFiles.image("png")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}/files?versions=all", List.class,
                number)).hasSize(2);
    }

    @Test
    void aCourtDocumentIsRegisteredWithItsScanOrAFileAlreadyInTheCase() throws Exception {
        org.springframework.util.MultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("document", "{\"kind\":\"HEARING_NOTICE\",\"receivedOn\":\"2026-11-24\",\"hearingDate\":\"2026-12-03\"}");
        form.add("file", CaseFileUploads.named("传票.pdf", SampleFiles.pdf("出庭通知书")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> registered = rest.withBasicAuth("office", "demo").exchange("/api/cases/{n}/documents",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(form, headers),
                Map.class, caseNumber);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        String fileId = (String) ((Map<String, Object>) registered.getBody().get("document")).get("fileId");
        assertThat(list("natres", "")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("id", fileId).containsEntry("category", "HEARING")
                .containsEntry("title", "开庭传票（出庭通知书）（2026-11-24收到）"));

        // A scan that is not a document of an accepted type registers nothing.
        form.set("file", CaseFileUploads.named("判决书.pdf", SampleFiles.executable()));
        form.set("document", "{\"kind\":\"JUDGMENT\",\"receivedOn\":\"2026-11-25\",\"instance\":\"FIRST\","
                + "\"outcome\":\"CLAIMS_DISMISSED\"}");
        assertThat(rest.withBasicAuth("office", "demo").exchange("/api/cases/{n}/documents",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(form, headers),
                Map.class, caseNumber).getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        List<Map<String, Object>> documents = rest.withBasicAuth("office", "demo")
                .getForObject("/api/cases/{n}/documents", List.class, caseNumber);
        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("HEARING_NOTICE");

        // Or the scan is already in the case file: the JSON names it, and must name a file of this case.
        String judgment = (String) upload(rest, "office", caseNumber, "COURT_DECISION", "一审判决书", "判决书.pdf",
                SampleFiles.pdf("判决书")).getBody().get("id");
        Map<String, Object> json = new java.util.HashMap<>(Map.of("kind", "JUDGMENT", "receivedOn", "2026-11-25",
                "instance", "FIRST", "outcome", "CLAIMS_DISMISSED", "fileId", "no-such-file"));
        ResponseEntity<Map> unknown = TestCases.courtDocument(rest, caseNumber, json);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(unknown)).contains("没有这个文件");
        json.put("fileId", judgment);
        ResponseEntity<Map> withFile = TestCases.courtDocument(rest, caseNumber, json);
        assertThat(withFile.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) withFile.getBody().get("document")).containsEntry("fileId", judgment);
    }

    /** A large body generated as it is sent, so the test itself holds no 50 MiB array. */
    private static final class Zeros extends AbstractResource {
        private final String name;
        private final long size;

        Zeros(String name, long size) {
            this.name = name;
            this.size = size;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public String getDescription() {
            return name;
        }

        @Override
        public InputStream getInputStream() {
            byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            return new InputStream() {
                private long pos;

                @Override
                public int read() {
                    if (pos >= size) {
                        return -1;
                    }
                    return pos < head.length ? head[(int) pos++] : (int) (pos++ & 0);
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= size) {
                        return -1;
                    }
                    int n = (int) Math.min(len, size - pos);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = pos < head.length ? head[(int) pos] : 0;
                        pos++;
                    }
                    return n;
                }
            };
        }
    }
}
