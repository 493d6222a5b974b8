package cn.shapotou.litigation.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.casefile.CaseFileUploads;
import cn.shapotou.litigation.casefile.SampleFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One case from intake to CLOSED over HTTP alone, as an outside client would walk it: the application's
 * {@code /api} for the case and its court documents, Camunda's {@code /engine-rest} for the tasks, each completed by
 * the demo user whose unit the task belongs to, with the decision variables its forms would submit.
 */
@IntegrationTest
@SuppressWarnings({"unchecked", "rawtypes"})
class RestOnlyCaseWalkTest {

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The one open task of this kind that {@code user} can see (the engine's authorization decides). */
    private String task(String user, String caseNumber, String key) {
        ResponseEntity<List> found = rest.withBasicAuth(user, "demo").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={n}&taskDefinitionKey={k}", List.class, caseNumber, key);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).as(key + " for " + user).hasSize(1);
        return (String) ((Map<String, Object>) found.getBody().get(0)).get("id");
    }

    private void complete(String user, String caseNumber, String key, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof List<?> list
                ? Map.of("value", list.toString(), "type", "Json") : Map.of("value", value)));
        ResponseEntity<String> done = rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/task/{id}/complete", Map.of("variables", variables), String.class,
                task(user, caseNumber, key));
        assertThat(done.getStatusCode()).as(key + ": " + done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void document(String caseNumber, Map<String, Object> document) {
        ResponseEntity<Map> registered = rest.withBasicAuth("office", "demo").postForEntity(
                "/api/cases/{n}/documents", document, Map.class, caseNumber);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody()).containsEntry("correlated", true);
    }

    private static Map<String, Object> agent1() {
        return Map.of("agent1Name", "刘伟", "agent1Unit", "natural-resources", "agent1Post", "执法科科长",
                "agent1Kind", "STAFF", "agent1IsHandler", true, "agent1Authority", "GENERAL");
    }

    @Test
    void aCaseLostAndNotAppealedWalksToClosedOverHttpAlone() {
        TestCases.today("2026-11-20");
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        ResponseEntity<Map> created = rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        complete("justice", caseNumber, "DraftHandlingProposalTask", Map.of("complexity", "NORMAL",
                "leadUnit", "natural-resources", "coUnits", List.of(), "proposedAppearance", "分管副局长出庭"));
        complete("leader", caseNumber, "ApproveHandlingProposalTask", Map.of("approved", true));
        complete("counsel", caseNumber, "AssignCounselTask", Map.of("counsel", "counsel"));
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("draftDefence", "被诉处罚决定事实清楚。",
                "evidenceList", "1. 现场勘验笔录", "normativeDocuments", "《中华人民共和国土地管理法》",
                "legalRepresentativeName", "马区长", "legalRepresentativePost", "区长"));
        answer.putAll(agent1());
        TestCases.today("2026-11-24");
        // The 答辩状 and the evidence go into the case file first, as the task's 案卷材料 tab uploads them.
        assertThat(CaseFileUploads.upload(rest, "natres", caseNumber, "DEFENCE", "答辩状", "答辩状.docx",
                SampleFiles.docx("答辩状")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(CaseFileUploads.upload(rest, "natres", caseNumber, "EVIDENCE", null, "现场勘验笔录.pdf",
                SampleFiles.pdf("现场勘验笔录")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        complete("natres", caseNumber, "PrepareAnswerTask", answer);
        complete("justice", caseNumber, "ReviewAnswerTask", Map.of("reviewPassed", true));
        complete("office", caseNumber, "SealAndDeliverTask", Map.of("sealed", true, "deliveredOn", "2026-11-24",
                "deliveryMethod", "IN_PERSON"));

        document(caseNumber, Map.of("kind", "HEARING_NOTICE", "receivedOn", "2026-11-24", "hearingDate", "2026-12-03"));
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("headAppears", "false",
                "absenceReason", "OFFICIAL_DUTY", "absenceExplanation", "局长参加全区防汛会议，已向法院书面说明"));
        plan.putAll(agent1());
        complete("natres", caseNumber, "PlanAppearanceTask", plan);
        complete("leader", caseNumber, "ApproveHeadAbsenceTask", Map.of("headAbsenceApproved", "true"));
        TestCases.today("2026-12-03");
        complete("natres", caseNumber, "AttendHearingTask", Map.of("hearingOutcome", "HELD", "headAppeared", false,
                "appearedPersons", "刘伟", "leftWithoutPermission", false, "majorIssue", false));

        TestCases.today("2026-12-11");
        document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                "receivedOn", "2026-12-10"));
        complete("natres", caseNumber, "DraftAppealOpinionTask", Map.of("appealWanted", true,
                "appealOpinion", "一审认定事实不清。"));
        complete("justice", caseNumber, "ReviewAppealOpinionTask", Map.of("appealRecommended", false,
                "appealReviewOpinion", "上诉理由不足，建议不上诉。"));
        complete("leader", caseNumber, "DecideAppealTask", Map.of("appealApproved", false));

        TestCases.today("2026-12-28");
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-28", "effectiveOn", "2026-12-26"));
        complete("natres", caseNumber, "WriteLossAnalysisTask", Map.of("lossFacts", "原告不服处罚决定。",
                "lossDecision", "撤销被诉处罚决定", "lossSuggestions", "规范听证告知。", "faultSuspected", false));
        complete("leader", caseNumber, "ReadLossAnalysisTask", Map.of("lossAnalysisInstructions", "抓紧整改。"));
        complete("justice", caseNumber, "FileLossAnalysisTask", Map.of("lossAnalysisFiled", true));
        complete("natres", caseNumber, "FollowUpTask", Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        complete("natres", caseNumber, "ArchiveTask", Map.of("archiveNumber", "自然资源局应诉-2026-7",
                "archivedOn", "2026-12-28"));

        Map<String, Object> closed = rest.withBasicAuth("office", "demo").getForObject("/api/cases/{n}", Map.class,
                caseNumber);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("lossAnalysisSubmittedOn", "2026-12-28");
        assertThat((List<?>) closed.get("openTasks")).isEmpty();
        assertThat((List<?>) closed.get("decisions")).hasSize(1);
        assertThat(rest.withBasicAuth("wenchang", "demo").getForEntity("/api/cases/{n}", Map.class, caseNumber)
                .getStatusCode()).as("a unit without a part does not see it, closed or open").isEqualTo(HttpStatus.NOT_FOUND);
    }
}
