package cn.shapotou.litigation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import java.util.List;
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
 * The annual report (Art. 19, 20, 22) for five cases walked through the processes in 2024 (a year no other test
 * uses), against figures counted by hand from the walk below.
 */
@IntegrationTest
@SuppressWarnings({"unchecked", "rawtypes"})
class AnnualReportTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DeadlineWatch watch;

    CaseWalk walk;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void document(String caseNumber, Map<String, Object> document) {
        ResponseEntity<Map> registered = rest.withBasicAuth("office", "demo").postForEntity(
                "/api/cases/{n}/documents", document, Map.class, caseNumber);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private void complete(String caseNumber, String key, Map<String, Object> variables) {
        tasks.complete(walk.task(caseNumber, key).getId(), variables);
    }

    private String register(String received, String cause, String actingUnit, Map<String, Object> changes) {
        TestCases.today(received);
        Map<String, Object> data = TestCases.natresCase();
        data.put("caseNumber", ((String) data.get("caseNumber")).replace("（2026）", "（2024）"));
        data.put("noticeReceivedOn", received);
        data.put("causeOfAction", cause);
        data.put("actingUnit", actingUnit);
        data.putAll(changes);
        walk.register(data);
        return (String) data.get("caseNumber");
    }

    /** Answer delivered, hearing held with the head appearing. */
    private void heard(String caseNumber, String delivered, String hearing) {
        walk.approveProposal(caseNumber);
        TestCases.today(delivered);
        walk.deliverAnswer(caseNumber, delivered);
        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", delivered, "hearingDate", hearing));
        TestCases.today(hearing);
        walk.holdHearing(caseNumber, true);
    }

    private void judgment(String caseNumber, String kind, String instance, String outcome, String on) {
        TestCases.today(on);
        document(caseNumber, Map.of("kind", kind, "instance", instance, "outcome", outcome, "receivedOn", on));
    }

    private void effective(String caseNumber, String effectiveOn, String receivedOn) {
        TestCases.today(receivedOn);
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", receivedOn, "effectiveOn", effectiveOn));
    }

    private void lossAnalysis(String caseNumber, String on, Map<String, Object> extra) {
        TestCases.today(on);
        Map<String, Object> report = new java.util.HashMap<>(Map.of("lossFacts", "案情", "lossDecision", "判决结果",
                "lossSuggestions", "整改", "faultSuspected", "false"));
        report.putAll(extra);
        complete(caseNumber, "WriteLossAnalysisTask", report);
        complete(caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "阅"));
        complete(caseNumber, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true));
    }

    private void archive(String caseNumber, String on) {
        TestCases.today(on);
        complete(caseNumber, "FollowUpTask", Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        complete(caseNumber, "ArchiveTask", Map.of("archiveNumber", "2024-" + caseNumber.hashCode(), "archivedOn", on));
    }

    @Test
    void theFiguresOfAYearMatchTheCasesWalkedThroughIt() throws Exception {
        walk = new CaseWalk(runtime, tasks);

        // A: won at first instance, head appeared, archived; a judicial recommendation answered after closing.
        String a = register("2024-03-04", "土地行政处罚", "natural-resources", Map.of());
        heard(a, "2024-03-08", "2024-04-10");
        judgment(a, "JUDGMENT", "FIRST", "CLAIMS_DISMISSED", "2024-05-06");
        complete(a, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        effective(a, "2024-05-22", "2024-05-25");
        archive(a, "2024-05-28");
        TestCases.today("2024-06-03");
        document(a, Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn", "2024-06-03"));
        complete(a, "DraftReplyTask", Map.of("recommendationReply", "已整改"));
        complete(a, "ApproveReplyTask", Map.of("replyApproved", true));
        TestCases.today("2024-06-20");
        complete(a, "SendReplyTask", Map.of("repliedOn", "2024-06-20"));

        // B: head required (Art. 7 ¶2 item 1) but absent; lost, appealed, lost again at second instance; report on time.
        String b = register("2024-04-01", "房屋征收补偿", "housing", Map.of("appearanceCategories", List.of(1)));
        walk.approveProposal(b);
        TestCases.today("2024-04-08");
        walk.deliverAnswer(b, "2024-04-08");
        document(b, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2024-04-08", "hearingDate", "2024-05-13"));
        TestCases.today("2024-05-13");
        Map<String, Object> plan = new java.util.HashMap<>(Map.of("headAppears", "true", "headName", "陈局长",
                "headPost", "PRINCIPAL", "agents", List.of(CaseWalk.agent("吴刚", "housing", "STAFF", true))));
        complete(b, "PlanAppearanceTask", plan);
        complete(b, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", false,
                "appearedPersons", "吴刚"));
        judgment(b, "JUDGMENT", "FIRST", "REVOKED", "2024-06-03");
        complete(b, "DraftAppealOpinionTask", Map.of("appealWanted", true, "appealOpinion", "事实认定错误"));
        complete(b, "ReviewAppealOpinionTask", Map.of("appealRecommended", true, "appealReviewOpinion", "同意"));
        complete(b, "DecideAppealTask", Map.of("appealApproved", true));
        TestCases.today("2024-06-11");
        complete(b, "FileAppealTask", Map.of("appealFiledOn", "2024-06-11"));
        judgment(b, "JUDGMENT", "SECOND", "REVOKED", "2024-08-01");
        lossAnalysis(b, "2024-08-09", Map.of());
        archive(b, "2024-08-20");

        // C: withdrawn during the intake, effective, open at the follow-up; a recommendation not yet answered. The ruling
        // came after the answer day (2024-09-17) with no answer filed: a fact for review (ALL Art. 67, 34 ¶2).
        String c = register("2024-09-02", "政府信息公开", "natural-resources", Map.of());
        judgment(c, "RULING", "FIRST", "WITHDRAWN", "2024-09-20");
        effective(c, "2024-09-30", "2024-10-08");
        TestCases.today("2024-12-02");
        document(c, Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn", "2024-12-02"));

        // D: compensation ordered, the report late (due 2024-11-20) and tracing the loss to gross negligence.
        String d = register("2024-10-08", "土地行政处罚", "natural-resources", Map.of());
        judgment(d, "JUDGMENT", "FIRST", "COMPENSATION", "2024-10-21");
        complete(d, "DraftAppealOpinionTask", Map.of("appealWanted", false));
        effective(d, "2024-11-05", "2024-11-06");
        lossAnalysis(d, "2024-11-25", Map.of("compensationAmount", "12000.00", "faultSuspected", "true"));

        // E: a reconsideration response left in the intake: its answer of 10 working days (Mon 2024-11-25: two weekends
        // skipped, due Mon 2024-12-09) and the proposal due that day overdue: one delay of one deadline, counted once
        // and charged to the Justice Bureau that holds the proposal. C and D also owe their follow-up reports, due 15
        // days after effect (C: a withdrawal, effective when served, 09-20 → 10-05, in the National Day holiday: 10-08;
        // D: 11-05 → 11-20), both overdue on 12-10 and charged to 区自然资源局.
        String e = register("2024-11-25", "土地行政处罚", "natural-resources", Map.of("caseType", "RECONSIDERATION_RESPONSE"));
        TestCases.today("2024-12-10");
        watch.sweep();
        assertThat(runtime.getVariable(walk.task(e, "DraftHandlingProposalTask").getProcessInstanceId(), "caseNumber"))
                .isEqualTo(e);

        Map<String, Object> report = rest.withBasicAuth("leader", "demo").getForObject("/api/reports/annual?year=2024",
                Map.class);
        assertThat(report).containsEntry("year", 2024).containsEntry("casesReceived", 5)
                .containsEntry("reconsiderationResponsesReceived", 1).containsEntry("casesClosed", 2)
                .containsEntry("decisions", 4).containsEntry("losses", 2).containsEntry("lossRate", 0.5)
                .containsEntry("hearings", 2).containsEntry("headAppearances", 1)
                .containsEntry("headAppearanceRate", 0.5).containsEntry("headAppearanceMissed", 1)
                .containsEntry("overdueItems", 3).containsEntry("appealsFiled", 1)
                .containsEntry("judicialRecommendationsReceived", 2).containsEntry("judicialRecommendationsAnswered", 1)
                .containsEntry("lossAnalysisDue", 2).containsEntry("lossAnalysisSubmitted", 2)
                .containsEntry("lossAnalysesLate", 1).containsEntry("compensationTotal", "12000.00");
        assertThat((List<Map<String, Object>>) report.get("decisionsByOutcome")).extracting(r -> r.get("outcome") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("CLAIMS_DISMISSED=1", "WITHDRAWN=1", "REVOKED=1", "COMPENSATION=1");
        assertThat((List<Map<String, Object>>) report.get("byUnit")).extracting(r -> r.get("unit") + ":" + r.get("received") + "/" + r.get("lost"))
                .containsExactlyInAnyOrder("housing:1/1", "natural-resources:4/1");
        assertThat((List<Map<String, Object>>) report.get("byCause")).extracting(r -> r.get("causeOfAction") + "=" + r.get("received"))
                .containsExactlyInAnyOrder("土地行政处罚=3", "房屋征收补偿=1", "政府信息公开=1");
        assertThat((List<Map<String, Object>>) report.get("overdueByUnit"))
                .extracting(r -> r.get("unitName") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("区司法局=1", "区自然资源局=2");
        assertThat((List<Map<String, Object>>) report.get("accountabilityReview")).extracting(r -> r.get("caseNumber"))
                .containsExactlyInAnyOrder(b, c, d);
        assertThat((List<Map<String, Object>>) report.get("accountabilityReview")).filteredOn(r -> c.equals(r.get("caseNumber")))
                .singleElement().satisfies(r -> assertThat(r.get("facts")).isEqualTo(List.of("法定答辩期限届满未提交答辩状及证据")));

        ResponseEntity<String> csv = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/annual?year=2024&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("\uFEFF指标,代码,数值").contains("败诉率,lossRate,50.0%", "收案数,casesReceived,5",
                "裁判结果,代码,案件数", "承办单位,单位代码,收案数", "区自然资源局,natural-resources,4,1");
        assertThat(csv.getBody().lines().filter(l -> !l.isEmpty()).map(l -> l.split(",")[0]))
                .as("every header a person reads is Chinese").noneMatch(h -> h.matches("[A-Za-z]+"));

        // The same rows as an Excel workbook, numbers as numbers.
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/annual?year=2024&format=xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("annual-report-2024.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                xlsx.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("2024年度行政应诉统计");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            java.util.Map<String, org.apache.poi.ss.usermodel.Cell> byCode = new java.util.HashMap<>();
            sheet.forEach(row -> {
                if (row.getCell(1) != null && row.getCell(2) != null) {
                    byCode.putIfAbsent(row.getCell(1).toString(), row.getCell(2));
                }
            });
            assertThat(byCode.get("casesReceived").getNumericCellValue()).isEqualTo(5.0);
            assertThat(byCode.get("lossRate").getStringCellValue()).isEqualTo("50.0%");
            assertThat(byCode.get("natural-resources").getNumericCellValue()).isEqualTo(4.0);
        }
        ResponseEntity<Map> refused = rest.withBasicAuth("justice", "demo").getForEntity(
                "/api/reports/annual?year=2024&format=pdf", Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("format", "xlsx");

        String empty = rest.withBasicAuth("justice", "demo").getForObject("/api/reports/annual?year=1995&format=csv",
                String.class);
        assertThat(empty).as("no decisions, no hearings: no rate, not 0.0%")
                .contains("败诉率,lossRate,—", "负责人出庭率,headAppearanceRate,—").doesNotContain("0.0%");
    }

    /** A case of 2020 with its answer delivered and the hearing noticed for {@code hearing}. */
    private String noticed2020(String received, String hearing) {
        String caseNumber = register(received, "土地行政处罚", "natural-resources", Map.of());
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, received);
        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", received, "hearingDate", hearing));
        TestCases.today(hearing);
        return caseNumber;
    }

    @Test
    void headAbsencesByReasonAppearancesByPostAffirmedLossesMajorIssuesAndRepliesOnTimeCountInTheirYear() {
        walk = new CaseWalk(runtime, tasks);
        // P: the principal head appears; the plaintiff loses, nobody appeals.
        String p = noticed2020("2020-03-02", "2020-04-08");
        walk.holdHearing(p, true);
        // Q: the head cannot appear for an official duty, the leaders approve: no accountability fact.
        String q = noticed2020("2020-03-02", "2020-04-09");
        walk.holdHearing(q, false);
        // R: a deputy head is planned and appears; lost at first instance, appealed, the appeal dismissed (维持原判):
        // a loss that took effect on 2020-09-01, whose loss analysis is then due.
        String r = noticed2020("2020-03-02", "2020-04-10");
        Map<String, Object> deputy = new java.util.HashMap<>(CaseWalk.plan(true,
                List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        deputy.put("headName", "李副局长");
        deputy.put("headPost", "DEPUTY");
        complete(r, "PlanAppearanceTask", deputy);
        complete(r, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", true,
                "appearedPersons", "李副局长、刘伟", "leftWithoutPermission", false, "majorIssue", false));
        judgment(r, "JUDGMENT", "FIRST", "REVOKED", "2020-05-06");
        complete(r, "DraftAppealOpinionTask", Map.of("appealWanted", true, "appealOpinion", "事实认定错误"));
        complete(r, "ReviewAppealOpinionTask", Map.of("appealRecommended", true, "appealReviewOpinion", "同意"));
        complete(r, "DecideAppealTask", Map.of("appealApproved", true));
        TestCases.today("2020-05-12");
        complete(r, "FileAppealTask", Map.of("appealFiledOn", "2020-05-12"));
        judgment(r, "JUDGMENT", "SECOND", "APPEAL_DISMISSED", "2020-09-01");
        assertThat(walk.tasks(r, "WriteLossAnalysisTask")).as("an affirmed loss is a loss (Art. 12)").hasSize(1);
        lossAnalysis(r, "2020-09-10", Map.of());
        TestCases.today("2020-09-14");
        complete(r, "FollowUpTask", Map.of("ownPerformance", "REFUSED", "followUp", "NONE",
                "followUpNotes", "局务会决定暂不重新作出处理决定", "performanceSupervisor", "张局长",
                "performanceResponsible", "执法科科长"));
        // S: the head was planned but did not come, without an approved reason; a major issue reported in writing.
        String s = noticed2020("2020-03-02", "2020-04-13");
        complete(s, "PlanAppearanceTask", CaseWalk.plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        complete(s, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", false,
                "appearedPersons", "刘伟", "leftWithoutPermission", false, "majorIssue", false));
        TestCases.today("2020-04-14");
        ResponseEntity<Map> reported = rest.withBasicAuth("natres", "demo").postForEntity(
                "/api/cases/{n}/major-issues", Map.of("issue", "原告申请追加第三人", "reportText",
                        "庭审中原告申请追加某公司为第三人，可能影响处罚决定的效力，请示如何应对。"), Map.class, s);
        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
        // Two judicial recommendations with a reply date: one answered by it, one after it.
        for (String[] letter : new String[][] {{p, "2020-06-01", "2020-06-30", "2020-06-20"},
                {q, "2020-06-01", "2020-06-30", "2020-07-03"}}) {
            TestCases.today(letter[1]);
            document(letter[0], Map.of("kind", "JUDICIAL_RECOMMENDATION", "receivedOn", letter[1], "replyDueOn", letter[2]));
            complete(letter[0], "DraftReplyTask", Map.of("recommendationReply", "已整改"));
            complete(letter[0], "ApproveReplyTask", Map.of("replyApproved", true));
            TestCases.today(letter[3]);
            complete(letter[0], "SendReplyTask", Map.of("repliedOn", letter[3]));
        }

        Map<String, Object> report = rest.withBasicAuth("justice", "demo").getForObject("/api/reports/annual?year=2020",
                Map.class);
        assertThat(report).containsEntry("hearings", 4).containsEntry("headAppearances", 2)
                .containsEntry("headAppearancesPrincipal", 1).containsEntry("headAppearancesDeputy", 1)
                .containsEntry("headAbsencesJustified", 1).containsEntry("headAbsencesUnjustified", 1)
                .containsEntry("headAppearanceMissed", 0).containsEntry("decisions", 1).containsEntry("losses", 1)
                .containsEntry("appealsFiled", 1).containsEntry("majorIssueReports", 1)
                .containsEntry("judicialRecommendationsReceived", 2).containsEntry("judicialRecommendationsAnswered", 2)
                .containsEntry("judicialRecommendationsAnsweredOnTime", 1).containsEntry("accountabilityCases", 2)
                .containsEntry("judgmentsNotPerformed", 1).containsEntry("judgmentsPerformed", 0)
                .containsEntry("lossAnalysesLate", 0);
        assertThat((List<Map<String, Object>>) report.get("decisionsByOutcome")).extracting(x -> x.get("outcome") + "=" + x.get("count"))
                .containsExactly("APPEAL_DISMISSED=1");
        assertThat((List<Map<String, Object>>) report.get("accountabilityReview")).filteredOn(row -> s.equals(row.get("caseNumber")))
                .singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("facts", List.of("负责人不出庭且无经批准的正当理由"))
                        .containsEntry("persons", List.of("主管人员：王局长")));
        assertThat((List<Map<String, Object>>) report.get("accountabilityReview")).filteredOn(row -> r.equals(row.get("caseNumber")))
                .singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("facts", List.of("拒不履行已经发生法律效力的判决、裁定"))
                        .containsEntry("persons", List.of("主管人员：张局长；直接责任人员：执法科科长")));
        assertThat((List<Map<String, Object>>) report.get("byUnit")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("hearings", 4).containsEntry("headAppearances", 2)
                        .containsEntry("headAppearanceRate", 0.5).containsEntry("lost", 1));
    }

    @Test
    void onlyTheJusticeBureauTheLeadersAndAdministratorsReadItAndAYearIsAYear() {
        assertThat(rest.withBasicAuth("natres", "demo").getForEntity("/api/reports/annual?year=2024", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/reports/annual?year=2024", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String year : List.of("abc", "1989", "3000", "")) {
            ResponseEntity<Map> bad = rest.withBasicAuth("justice", "demo").getForEntity("/api/reports/annual?year=" + year,
                    Map.class);
            assertThat(bad.getStatusCode()).as(year).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().toString()).contains("year", "年度");
        }
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/reports/annual?year=2024&format=xml",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCsvCellCannotBecomeASpreadsheetFormula() {
        assertThat(AnnualReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AnnualReportCsv.cell("-12")).isEqualTo("-12");
        assertThat(AnnualReportCsv.cell("甲,乙")).isEqualTo("\"甲,乙\"");
    }
}
