package cn.shapotou.litigation.casefile;

import static cn.shapotou.litigation.casefile.CaseFileUploads.upload;
import static cn.shapotou.litigation.casefile.DossierApiTest.sha256;
import static cn.shapotou.litigation.casefile.DossierApiTest.unzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The archive copy (立卷归档, Art. 18): the 立卷归档 task links the dossier for checking; completing it closes the case at
 * once and a job of {@code case-archive-copy} keeps the dossier with the case's data in the application's tables, once
 * per archiving, so that it outlives the engine's history; a case archived again has a second copy beside the first.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class CaseArchiveTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseArchives archives;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    /** Claims dismissed, effective 2026-11-30, no follow-up: waiting for the Natural Resources Bureau to archive it. */
    private String caseToArchive() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                "outcome", "CLAIMS_DISMISSED", "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01",
                "effectiveOn", "2026-11-30"));
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        return caseNumber;
    }

    private void archiveAsNatres(String caseNumber, Map<String, Object> form) {
        identity.setAuthentication("natres", List.of("natural-resources"));
        try {
            tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The open request for an archive copy of the case. */
    private ProcessInstance copyRequest(String caseNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseArchiveRequest.PROCESS)
                .variableValueEquals("caseNumber", caseNumber).singleResult();
    }

    /** What the job executor does in production. */
    private void runCopyJob(ProcessInstance request) {
        management.executeJob(management.createJobQuery().processInstanceId(request.getId()).singleResult().getId());
        assertThat(request).isEnded().hasPassed("StoreArchiveCopyTask", "ArchiveCopyStoredEndEvent");
    }

    private ResponseEntity<byte[]> get(String user, String path, String caseNumber) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class, caseNumber);
    }

    private List<Map<String, Object>> copies(String user, String caseNumber) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/cases/{n}/archive", List.class, caseNumber);
    }

    @Test
    void archivingKeepsACopyOfTheDossierThatOutlivesTheEnginesHistoryAndEachArchivingHasItsOwn() throws Exception {
        String caseNumber = caseToArchive();
        byte[] defence = SampleFiles.docx("答辩状");
        upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx", defence);
        upload(rest, "natres", caseNumber, "COURT_DECISION", "一审判决书", "判决书.pdf", SampleFiles.pdf("判决书"));

        // The task's form links the index and the dossier, so the unit checks them before it archives.
        String dossierUrl = (String) runtime.getVariable(walk.task(caseNumber, "ArchiveTask").getExecutionId(),
                "dossierUrl");
        assertThat(dossierUrl).isEqualTo("/api/cases/"
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20") + "/dossier");
        ResponseEntity<byte[]> index = rest.withBasicAuth("natres", "demo")
                .getForEntity(URI.create(rest.getRootUri() + dossierUrl + "/index.pdf"), byte[].class);
        assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(GeneratedDocuments.pdfText(index.getBody())).contains("卷内目录", "答辩状", "一审判决书");
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity(URI.create(rest.getRootUri() + dossierUrl + ".zip"),
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThatThrownBy(() -> archiveAsNatres(caseNumber, Map.of("archiveNumber", "   ", "archivedOn", "2026-12-01")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("案卷编号为必填项");
        assertThat(copyRequest(caseNumber)).as("a refused form asks for no copy").isNull();

        ProcessInstance theCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
        archiveAsNatres(caseNumber, Map.of("archiveNumber", "沙司应诉-2026-A1", "archivedOn", "2026-12-01"));

        // The case closes at once; the copy is made by a job of its own.
        assertThat(theCase).isEnded().hasPassed("CaseClosedEndEvent");
        ProcessInstance request = copyRequest(caseNumber);
        assertThat(request).isWaitingAt("StoreArchiveCopyTask");
        assertThat(copies("natres", caseNumber)).isEmpty();
        Map<String, Object> asked = runtime.getVariables(request.getId());
        runCopyJob(request);

        List<Map<String, Object>> listed = copies("natres", caseNumber);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("seq", 1).containsEntry("archiveNumber", "沙司应诉-2026-A1")
                .containsEntry("archivedBy", "natres").containsEntry("archivedOn", "2026-12-01");
        assertThat((String) listed.get(0).get("archivedAt")).startsWith("2026-12-01T10:00").endsWith("+08:00");

        // Run again for the same archiving (a retried job): the same copy, not a second one.
        CaseArchives.Copy again = archives.storeCopy(new CaseArchives.Request(caseNumber,
                (String) asked.get("archiveNumber"), LocalDate.parse((String) asked.get("archivedOn")),
                (String) asked.get("archivedBy"), Instant.parse((String) asked.get("archivedAt")),
                (String) asked.get("sourceId")));
        assertThat(again.seq()).isEqualTo(1);
        assertThat(copies("natres", caseNumber)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lit_file_chunk WHERE file_id NOT IN (SELECT id FROM lit_file)"
                + " AND file_id NOT IN (SELECT file_id FROM lit_case_archive)", Integer.class)).isZero();

        ResponseEntity<byte[]> first = get("natres", "/api/cases/{n}/archive/1.zip", caseNumber);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(first.getHeaders().getContentDisposition().getFilename()).isEqualTo("卷宗-" + caseNumber + "-归档1.zip");
        assertThat(sha256(first.getBody())).isEqualTo(listed.get(0).get("sha256"));
        Map<String, byte[]> zip = unzip(first.getBody());
        assertThat(zip.keySet()).containsExactly("00-卷内目录.pdf", "01-答辩状-答辩状.docx", "02-裁判文书-一审判决书.pdf",
                "manifest.json", "case.json");
        assertThat(zip.get("01-答辩状-答辩状.docx")).isEqualTo(defence);
        assertThat(GeneratedDocuments.pdfText(zip.get("00-卷内目录.pdf")))
                .contains("案卷编号：沙司应诉-2026-A1", "归档日期：2026-12-01", "归档人：", "natres");
        Map<String, Object> manifest = new ObjectMapper().readValue(zip.get("manifest.json"), Map.class);
        assertThat(manifest).containsEntry("caseNumber", caseNumber).containsEntry("archiveNumber", "沙司应诉-2026-A1")
                .containsEntry("archivedOn", "2026-12-01").containsEntry("archivedBy", "natres");
        Map<String, Object> caseJson = new ObjectMapper().readValue(zip.get("case.json"), Map.class);
        assertThat(caseJson).containsEntry("caseNumber", caseNumber).containsEntry("status", "CLOSED")
                .containsEntry("plaintiff", "张某某").containsEntry("archiveNumber", "沙司应诉-2026-A1")
                .containsEntry("effectiveOn", "2026-11-30");

        // Enforcement reopens the case (Art. 16) and it is archived again: a second copy beside the first.
        TestCases.today("2027-03-01");
        assertThat(TestCases.submitStartForm(rest, "natres", "enforcement-request", Map.of("caseNumber", caseNumber,
                "performanceDeadline", "2027-01-31", "enforcementRequestReason", "原告至今未缴纳罚款。"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        tasks.complete(walk.task(caseNumber, "ProposeEnforcementTask").getId(),
                Map.of("nonPerformingParty", "张某某", "enforcementProposal", "申请强制执行罚款。"));
        tasks.complete(walk.task(caseNumber, "ApproveEnforcementTask").getId(), Map.of("enforcementApproved", true));
        tasks.complete(walk.task(caseNumber, "ApplyEnforcementTask").getId(),
                Map.of("enforcementAppliedOn", "2027-03-01"));
        upload(rest, "natres", caseNumber, "OTHER", "强制执行申请书", "申请书.pdf", SampleFiles.pdf("强制执行申请书"));
        archiveAsNatres(caseNumber, Map.of("archiveNumber", "沙司应诉-2027-A2", "archivedOn", "2027-03-01"));
        runCopyJob(copyRequest(caseNumber));

        assertThat(copies("natres", caseNumber)).extracting(c -> c.get("seq") + " " + c.get("archiveNumber"))
                .containsExactly("1 沙司应诉-2026-A1", "2 沙司应诉-2027-A2");
        assertThat(unzip(get("natres", "/api/cases/{n}/archive/2.zip", caseNumber).getBody()).keySet())
                .contains("03-其他-强制执行申请书.pdf", "case.json");

        // The engine's history of the case expires; its archive copies do not depend on it.
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .list().stream().map(HistoricProcessInstance::getId).toList();
        history.deleteHistoricProcessInstances(instances);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();

        assertThat(copies("natres", caseNumber)).hasSize(2);
        ResponseEntity<byte[]> kept = get("natres", "/api/cases/{n}/archive/1.zip", caseNumber);
        assertThat(kept.getBody()).isEqualTo(first.getBody());
        assertThat(new ObjectMapper().readValue(unzip(kept.getBody()).get("case.json"), Map.class))
                .containsEntry("plaintiff", "张某某").containsEntry("court", "中卫市沙坡头区人民法院");
        assertThat(get("justice", "/api/cases/{n}/archive/2.zip", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("wenchang", "/api/cases/{n}/archive/1.zip", caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("wenchang", "/api/cases/{n}/archive", caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDamagedArchiveCopyIsRefusedNeverServed() throws Exception {
        String caseNumber = caseToArchive();
        upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx", SampleFiles.docx("答辩状"));
        archiveAsNatres(caseNumber, Map.of("archiveNumber", "沙司应诉-2026-D", "archivedOn", "2026-12-01"));
        runCopyJob(copyRequest(caseNumber));
        String fileId = jdbc.queryForObject("SELECT file_id FROM lit_case_archive WHERE case_number = ?", String.class,
                caseNumber);
        byte[] chunk = jdbc.queryForObject("SELECT data FROM lit_file_chunk WHERE file_id = ? AND seq = 0", byte[].class,
                fileId);
        chunk[chunk.length / 2] ^= 1;
        jdbc.update("UPDATE lit_file_chunk SET data = ? WHERE file_id = ? AND seq = 0", chunk, fileId);

        ResponseEntity<Map> refused = rest.withBasicAuth("natres", "demo").getForEntity("/api/cases/{n}/archive/1.zip",
                Map.class, caseNumber);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(refused.getBody().toString()).contains("归档1.zip").contains("SHA-256");
    }
}
