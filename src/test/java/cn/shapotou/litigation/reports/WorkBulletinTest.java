package cn.shapotou.litigation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.documents.GeneratedDocuments;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The systems of Art. 20 and 21 in figures (hearings observed, training, performing judgments, the appeal opinion and
 * the loss analysis on time) over two cases and the Justice Bureau's registers walked through 2022, a year no other
 * test uses; the quarterly work bulletin and the annual report's chapter (Art. 19) as Word documents saying them; and
 * a past period that does not change when late work comes in the next year.
 */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class WorkBulletinTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;

    CaseWalk walk;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void complete(String caseNumber, String key, Map<String, Object> variables) {
        tasks.complete(walk.task(caseNumber, key).getId(), variables);
    }

    private void document(String caseNumber, Map<String, Object> document) {
        ResponseEntity<Map> registered = TestCases.courtDocument(rest, caseNumber, document);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private String register(String received) {
        TestCases.today(received);
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", received);
        walk.register(data);
        return (String) data.get("caseNumber");
    }

    private void start(String process, Map<String, Object> values) {
        ResponseEntity<Map> started = TestCases.submitStartForm(rest, "justice", process, values);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    }

    private String bulletin(int quarter) throws Exception {
        ResponseEntity<byte[]> docx = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/bulletin?year=2022&quarter={q}&format=docx", byte[].class, quarter);
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("行政应诉工作通报-2022年第" + quarter + "季度.docx");
        return GeneratedDocuments.docxText(docx.getBody());
    }

    @Test
    void theYearsRegistersAndStagesOnTimeOrLateAreCountedByTheDayTheyHappenedAndWrittenUp() throws Exception {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2022-03-10");
        start("hearing-observation", Map.of("observedOn", "2022-03-10", "court", "中卫市中级人民法院",
                "caseTitle", "李某诉中卫市某局行政处罚案", "observers", "王某（区自然资源局）\n赵某（文昌镇）、钱某（区司法局）"));
        TestCases.today("2022-05-20");
        start("training-record", Map.of("trainedOn", "2022-05-20", "topic", "行政诉讼证据规则",
                "trainees", "甲，乙，丙；丁"));
        TestCases.today("2021-12-20");
        start("training-record", Map.of("trainedOn", "2021-12-20", "topic", "上一年度的培训", "trainees", "甲"));

        // A: compensation ordered; the opinion not to appeal given after day 5 (due Mon 2022-06-27: 06-25 is a
        // Saturday), which Art. 13 does not ask for; the loss analysis (due 2022-07-21) not written in 2022 at all.
        String a = register("2022-06-01");
        TestCases.today("2022-06-20");
        document(a, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "COMPENSATION", "receivedOn", "2022-06-20"));
        TestCases.today("2022-06-29");
        complete(a, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2022-07-08");
        document(a, Map.of("kind", "EFFECTIVE", "receivedOn", "2022-07-08", "effectiveOn", "2022-07-06"));

        // C: revoked; the unit wants to appeal but reports its opinion four days late (Art. 13: within 5 days).
        String c = register("2022-06-01");
        TestCases.today("2022-06-20");
        document(c, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED", "receivedOn", "2022-06-20"));
        TestCases.today("2022-06-29");
        complete(c, "DraftAppealOpinionTask", Map.of("appealWanted", true, "appealOpinion", "认定事实错误"));

        // B: ordered to perform; everything on time, performed and archived in the third quarter.
        String b = register("2022-06-01");
        TestCases.today("2022-07-01");
        document(b, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "ORDERED_TO_PERFORM", "receivedOn", "2022-07-01"));
        TestCases.today("2022-07-02");
        complete(b, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        TestCases.today("2022-07-20");
        document(b, Map.of("kind", "EFFECTIVE", "receivedOn", "2022-07-20", "effectiveOn", "2022-07-18"));
        TestCases.today("2022-07-25");
        complete(b, "WriteLossAnalysisTask", Map.of("lossFacts", "案情", "lossDecision", "责令履行", "lossSuggestions", "整改",
                "faultSuspected", "false"));
        complete(b, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "阅"));
        complete(b, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true));
        TestCases.today("2022-08-01");
        complete(b, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        complete(b, "ArchiveTask", Map.of("archiveNumber", "沙司应诉-2022-1", "archivedOn", "2022-08-01"));

        TestCases.today("2022-12-31");
        Map<String, Object> year = rest.withBasicAuth("leader", "demo").getForObject("/api/reports/annual?year=2022", Map.class);
        assertThat(year).containsEntry("casesReceived", 3).containsEntry("decisions", 2).containsEntry("losses", 2)
                .containsEntry("casesClosed", 1).containsEntry("appealOpinionsLate", 1).containsEntry("lossAnalysesLate", 1)
                .containsEntry("lossAnalysisSubmitted", 1).containsEntry("judgmentsPerformed", 1)
                .containsEntry("judgmentsNotPerformed", 0).containsEntry("hearingObservations", 1)
                .containsEntry("hearingObservers", 3).containsEntry("trainings", 1).containsEntry("trainingAttendees", 4)
                .containsEntry("hearings", 0).containsEntry("headAppearanceRate", 0);

        String q2 = bulletin(2);
        assertThat(q2).contains("关于2022年第二季度全区行政应诉工作情况的通报", "各乡镇人民政府，区人民政府各部门、直属机构",
                "逾期报送上诉意见1件", "逾期提交败诉分析报告0件", "开展行政应诉业务培训1次、4人次", "没有发生法律效力的裁判",
                "中卫市沙坡头区司法局");
        String q3 = bulletin(3);
        assertThat(q3).contains("2022年第三季度", "发生法律效力的裁判2件，其中败诉2件，败诉率100.0%", "逾期报送上诉意见0件",
                "逾期提交败诉分析报告1件", "立卷归档1件", "区自然资源局", "没有开庭审理的案件");

        ResponseEntity<byte[]> chapter = rest.withBasicAuth("leader", "demo").getForEntity(
                "/api/reports/annual/chapter?year=2022&format=docx", byte[].class);
        String text = GeneratedDocuments.docxText(chapter.getBody());
        assertThat(text).contains("2022年度行政应诉工作情况", "2022年，收到", "败诉率100.0%", "组织旁听庭审1次、3人次",
                "开展行政应诉业务培训1次、4人次（「行政诉讼证据规则」）", "报告履行完毕的生效裁判1件", "逾期提交败诉分析报告1件")
                .doesNotContain("上一年度的培训");
        assertThat(GeneratedDocuments.pdfText(rest.withBasicAuth("leader", "demo").getForEntity(
                "/api/reports/annual/chapter?year=2022&format=pdf", byte[].class).getBody()))
                .contains("2022年度行政应诉工作情况", "组织旁听庭审1次、3人次");

        // The late report comes in 2023: 2022 still counts it late, and nothing else of 2022 moves.
        TestCases.today("2023-01-10");
        complete(a, "WriteLossAnalysisTask", Map.of("lossFacts", "案情", "lossDecision", "判决赔偿", "lossSuggestions", "整改",
                "faultSuspected", "false", "compensationAmount", "5000"));
        Map<String, Object> again = rest.withBasicAuth("leader", "demo").getForObject("/api/reports/annual?year=2022", Map.class);
        again.remove("lossAnalysisSubmitted");
        year.remove("lossAnalysisSubmitted");
        assertThat(again).isEqualTo(year);
        assertThat(rest.withBasicAuth("leader", "demo").getForObject("/api/reports/annual?year=2023", Map.class))
                .containsEntry("lossAnalysesLate", 0).containsEntry("decisions", 0);
    }

    @Test
    void onlyTheReportReadersGetTheBulletinAndABadQuarterIsNamed() {
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/reports/bulletin?year=2022&quarter=1",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/bulletin?year=2022&quarter=5", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("季度须为 1、2、3 或 4");
        assertThat(rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/annual/chapter?year=2022&format=odt", String.class).getBody())
                .contains("格式只能是 docx 或 pdf");
    }

    @Test
    void onlyTheJusticeBureauKeepsTheRegisters() {
        Map<String, Object> variables = Map.of("trainedOn", Map.of("value", "2022-05-20", "type", "String"),
                "topic", Map.of("value", "x", "type", "String"), "trainees", Map.of("value", "甲", "type", "String"));
        assertThat(rest.withBasicAuth("natres", "demo").postForEntity(
                "/engine-rest/process-definition/key/training-record/submit-form", Map.of("variables", variables),
                String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        ResponseEntity<String> noTrainees = rest.withBasicAuth("justice", "demo").postForEntity(
                "/engine-rest/process-definition/key/training-record/submit-form",
                Map.of("variables", Map.of("trainedOn", Map.of("value", "2022-05-20", "type", "String"),
                        "topic", Map.of("value", "x", "type", "String"))), String.class);
        assertThat(noTrainees.getBody()).contains("参训人员为必填项");
    }

    @Test
    void countsAndAmountsCarryThousandsSeparatorsAndRatesArePercentages() {
        assertThat(WorkBulletin.count(1234)).isEqualTo("1,234");
        assertThat(WorkBulletin.count(7L)).isEqualTo("7");
        assertThat(WorkBulletin.money(new java.math.BigDecimal("1234567.50"))).isEqualTo("1,234,567.5");
        assertThat(WorkBulletin.money(new java.math.BigDecimal("30000.00"))).isEqualTo("30,000");
        assertThat(WorkBulletin.percent(new java.math.BigDecimal("0.3333"), 3)).isEqualTo("33.3%");
        assertThat(WorkBulletin.percent(java.math.BigDecimal.ZERO, 0)).isEqualTo("—");
    }
}
