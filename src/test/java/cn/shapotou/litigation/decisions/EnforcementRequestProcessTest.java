package cn.shapotou.litigation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.CaseWindows;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Enforcement after the archive (regulation Art. 16; 法释〔2018〕1号 Art. 153): the handling unit starts
 * {@code enforcement-request} in Tasklist (here over the engine's REST API, as Tasklist does), the archived case
 * reopens at its enforcement stage and is archived again; a request that is not the unit's, for an open case or past
 * the two years is refused with the field named and changes nothing.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class EnforcementRequestProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseWindows windows;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    private void document(String caseNumber, Map<String, Object> document) {
        TestCases.courtDocument(rest, caseNumber, document);
    }

    /** Claims dismissed (the unit's fine stands), effective 2026-11-30, archived with no follow-up. */
    private String archivedCase() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        document(caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "CLAIMS_DISMISSED",
                "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        document(caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01", "effectiveOn", "2026-11-30"));
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-E",
                "archivedOn", "2026-12-01"));
        return caseNumber;
    }

    private ResponseEntity<Map> request(String user, String caseNumber, String performanceDeadline, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", Map.of("value", caseNumber, "type", "String"));
        variables.put("performanceDeadline", Map.of("value", performanceDeadline, "type", "String"));
        if (reason != null) {
            variables.put("enforcementRequestReason", Map.of("value", reason, "type", "String"));
        }
        return rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/process-definition/key/enforcement-request/submit-form",
                Map.of("variables", variables), Map.class);
    }

    private ProcessInstance theCase(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
    }

    @Test
    void theHandlingUnitReopensAnArchivedCaseForEnforcementAndItIsArchivedAgain() {
        String caseNumber = archivedCase();
        TestCases.today("2027-03-01");
        ResponseEntity<Map> started = request("natres", caseNumber, "2027-01-31", "原告至今未缴纳罚款。");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);

        ProcessInstance reopened = theCase(caseNumber);
        assertThat(reopened).isWaitingAt("EnforcementCallActivity");
        assertThat(runtime.getVariables(reopened.getId())).containsEntry("performanceDeadline", "2027-01-31")
                .containsEntry("followUp", "ENFORCEMENT").containsEntry("plaintiff", "张某某");
        var propose = walk.task(caseNumber, "ProposeEnforcementTask");
        // Two years from the last day of performance, 2027-01-31 → 2029-01-31 (Wednesday).
        assertThat(LegalClock.dateOf(propose.getDueDate())).isEqualTo(LocalDate.of(2029, 1, 31));
        assertThat(tasks.getIdentityLinksForTask(propose.getId())).extracting(IdentityLink::getGroupId)
                .contains("natural-resources");
        assertThat(rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber))
                .containsEntry("status", "OPEN");

        tasks.complete(propose.getId(), Map.of("nonPerformingParty", "张某某", "enforcementProposal", "申请强制执行罚款。"));
        tasks.complete(walk.task(caseNumber, "ApproveEnforcementTask").getId(), Map.of("enforcementApproved", true));
        tasks.complete(walk.task(caseNumber, "ApplyEnforcementTask").getId(),
                Map.of("enforcementAppliedOn", "2027-03-01"));
        assertThat(windows.of(caseNumber)).as("the window was used").isEmpty();
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2027-E",
                "archivedOn", "2027-03-01"));
        assertThat(rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber))
                .containsEntry("status", "CLOSED").containsEntry("enforcementAppliedOn", "2027-03-01");
    }

    @Test
    void requestsThatAreNotTheUnitsForAnOpenCaseOrTooLateAreRefusedAndChangeNothing() {
        String caseNumber = archivedCase();
        ResponseEntity<Map> otherUnit = request("wenchang", caseNumber, "2026-12-31", "未履行");
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherUnit.getBody().toString()).contains("承办单位");

        ResponseEntity<Map> notYetDue = request("natres", caseNumber, "2026-12-31", "未履行");
        assertThat(notYetDue.getStatusCode()).as("the period to perform has not ended").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notYetDue.getBody().toString()).contains("履行期间尚未届满");

        ResponseEntity<Map> noReason = request("natres", caseNumber, "2026-12-31", null);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("enforcementRequestReason");

        // Last day of performance 2026-12-31: the two years end 2028-12-31 (Sunday) → 2029-01-02 (元旦 on Monday).
        TestCases.today("2029-01-03");
        ResponseEntity<Map> late = request("natres", caseNumber, "2026-12-31", "未履行");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().toString()).contains("2029年1月2日届满");
        assertThat(theCase(caseNumber)).isNull();

        TestCases.today("2026-12-01");
        Map<String, Object> data = TestCases.natresCase();
        walk.register(data);
        ResponseEntity<Map> open = request("natres", (String) data.get("caseNumber"), "2026-12-31", "未履行");
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(open.getBody().toString()).contains("尚未归档");
    }
}
