package cn.shapotou.litigation.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Accountability facts recorded beside the case (regulation Art. 22, 23): the Justice Bureau's own findings, with the
 * persons concerned, also after the archive; the recovery of state compensation proposed by the handling unit and
 * decided by the leaders. Both are started from Tasklist (here over the engine's REST API, as Tasklist does); a record
 * that is not complete or not the starter's to make is refused in Chinese with the field named, and nothing is kept.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class RecordedAccountabilityTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate rest;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    /** A first-instance judgment the case loses with compensation, effective and archived. */
    private String compensationCase() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                "outcome", "COMPENSATION", "receivedOn", "2026-11-27"));
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", false));
        TestCases.courtDocument(rest, caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-01",
                "effectiveOn", "2026-11-30"));
        Map<String, Object> report = new HashMap<>(Map.of("lossFacts", "案情", "lossDecision", "判决赔偿",
                "lossSuggestions", "整改", "faultSuspected", "false", "compensationAmount", "30000.00"));
        tasks.complete(walk.task(caseNumber, "WriteLossAnalysisTask").getId(), report);
        tasks.complete(walk.task(caseNumber, "ReadLossAnalysisTask").getId(), Map.of("lossAnalysisInstructions", "阅"));
        tasks.complete(walk.task(caseNumber, "FileLossAnalysisTask").getId(), Map.of("lossAnalysisFiled", true));
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "PERFORMED", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber", "沙司应诉-2026-R",
                "archivedOn", "2026-12-01"));
        return caseNumber;
    }

    private ResponseEntity<Map> start(String user, String process, Map<String, Object> values) {
        return TestCases.submitStartForm(rest, user, process, values);
    }

    private List<Map<String, Object>> facts(String caseNumber) {
        return (List<Map<String, Object>>) rest.withBasicAuth("justice", "demo")
                .getForObject("/api/cases/{n}", Map.class, caseNumber).get("accountabilityFacts");
    }

    private long records(String process, String caseNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(process)
                .processInstanceBusinessKey(caseNumber).count();
    }

    private Map<String, Object> interference(String caseNumber) {
        Map<String, Object> values = new HashMap<>();
        values.put("caseNumber", caseNumber);
        values.put("fact", "INTERFERENCE");
        values.put("occurredOn", "2026-11-28");
        values.put("detail", "某局工作人员要求原告撤诉，并向法院打招呼。");
        values.put("supervisor", "王某（副局长）");
        values.put("directlyResponsible", "赵某（科员）");
        return values;
    }

    @Test
    void theJusticeBureauRecordsInterferenceWithThePersonsConcernedAlsoAfterTheArchive() {
        String caseNumber = compensationCase();
        assertThat(rest.withBasicAuth("justice", "demo").getForObject("/api/cases/{n}", Map.class, caseNumber))
                .containsEntry("status", "CLOSED");

        ResponseEntity<Map> recorded = start("justice", "accountability-record", interference(caseNumber));
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);

        assertThat(facts(caseNumber)).filteredOn(f -> "INTERFERENCE".equals(f.get("fact"))).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("label", "干预、阻碍人民法院依法受理和审理行政诉讼案件")
                        .containsEntry("basis", "第二十二条第（一）项").containsEntry("supervisor", "王某（副局长）")
                        .containsEntry("directlyResponsible", "赵某（科员）").containsEntry("unit", "natural-resources")
                        .containsEntry("recordedOn", "2026-12-01"));
    }

    @Test
    void anIncompleteRecordOrOneNotTheJusticeBureausIsRefusedAndNothingIsKept() {
        String caseNumber = compensationCase();
        Map<String, Object> noDetail = interference(caseNumber);
        noDetail.remove("detail");
        ResponseEntity<Map> refused = start("justice", "accountability-record", noDetail);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("事实经过为必填项");

        Map<String, Object> unknown = interference("（2026）宁0502行初0号");
        assertThat(String.valueOf(start("justice", "accountability-record", unknown).getBody()))
                .contains("没有案号为 （2026）宁0502行初0号 的案件");

        Map<String, Object> computed = interference(caseNumber);
        computed.put("fact", "LATE_ANSWER");
        assertThat(String.valueOf(start("justice", "accountability-record", computed).getBody()))
                .as("facts the system records itself are not typed in").contains("追责情形");

        assertThat(start("natres", "accountability-record", interference(caseNumber)).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(records("accountability-record", caseNumber)).isZero();
        assertThat(facts(caseNumber)).noneMatch(f -> "INTERFERENCE".equals(f.get("fact")));
    }

    private Map<String, Object> recovery(String caseNumber, String proposal, String amount) {
        Map<String, Object> values = new HashMap<>();
        values.put("caseNumber", caseNumber);
        values.put("compensationPaidOn", "2026-12-01");
        values.put("compensationPaid", "30000.00");
        values.put("recoveryProposal", proposal);
        if (amount != null) {
            values.put("recoveryPersons", "李某（原执法大队队长）");
            values.put("recoveryAmount", amount);
        }
        values.put("recoveryReason", "RECOVER".equals(proposal) ? "未经调查即作出处罚，重大过失。" : "已尽审慎义务，不存在故意或者重大过失。");
        return values;
    }

    @Test
    void theLeadersOrderRecoveryOfStateCompensationAndItIsAFactOfTheCase() {
        String caseNumber = compensationCase();
        TestCases.today("2026-12-10");
        ResponseEntity<Map> proposed = start("natres", "compensation-recovery", recovery(caseNumber, "RECOVER", "10000"));
        assertThat(proposed.getStatusCode()).as(String.valueOf(proposed.getBody())).isEqualTo(HttpStatus.OK);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("compensation-recovery")
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(instance).isWaitingAt("DecideRecoveryTask");
        assertThat(facts(caseNumber)).as("not before the leaders decide").noneMatch(f -> "STATE_COMPENSATION".equals(f.get("fact")));

        String decide = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        tasks.complete(decide, Map.of("recoveryApproved", "true"));
        assertThat(instance).isEnded().hasPassed("RecoveryOrderedEndEvent");
        assertThat(facts(caseNumber)).filteredOn(f -> "STATE_COMPENSATION".equals(f.get("fact"))).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("directlyResponsible", "李某（原执法大队队长）")
                        .containsEntry("recordedOn", "2026-12-10").containsEntry("basis", "第二十三条")
                        .extracting(x -> String.valueOf(x.get("detail"))).asString().contains("30000.00", "10000"));
        Map<String, Object> year = rest.withBasicAuth("leader", "demo").getForObject("/api/reports/annual?year=2026", Map.class);
        assertThat(((Number) year.get("compensationRecoveries")).intValue()).isPositive();
        assertThat(new java.math.BigDecimal(String.valueOf(year.get("compensationRecovered"))))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("10000"));
    }

    @Test
    void aRecoveryNotApprovedOrNotProposedIsNoFactAndABadProposalIsRefused() {
        String caseNumber = compensationCase();
        ResponseEntity<Map> tooMuch = start("natres", "compensation-recovery", recovery(caseNumber, "RECOVER", "40000"));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(tooMuch.getBody())).contains("责令承担的金额不能超过已支付的赔偿金额 30000.00 元");
        ResponseEntity<Map> nobody = start("natres", "compensation-recovery", recovery(caseNumber, "RECOVER", null));
        assertThat(String.valueOf(nobody.getBody())).contains("承担赔偿费用的负责人或相关人员为必填项",
                "责令承担的金额为必填项");
        assertThat(String.valueOf(start("wenchang", "compensation-recovery", recovery(caseNumber, "NO_RECOVERY", null))
                .getBody())).as("another unit's case").contains("没有案号为");
        assertThat(records("compensation-recovery", caseNumber)).isZero();

        Map<String, Object> other = TestCases.natresCase();
        walk.register(other);
        assertThat(String.valueOf(start("natres", "compensation-recovery",
                recovery((String) other.get("caseNumber"), "NO_RECOVERY", null)).getBody()))
                .contains("本案没有判决行政机关承担赔偿责任的生效裁判");

        assertThat(start("natres", "compensation-recovery", recovery(caseNumber, "NO_RECOVERY", null)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String decide = tasks.createTaskQuery().processDefinitionKey("compensation-recovery")
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        tasks.complete(decide, Map.of("recoveryApproved", "true"));
        assertThat(start("natres", "compensation-recovery", recovery(caseNumber, "RECOVER", "5000")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String second = tasks.createTaskQuery().processDefinitionKey("compensation-recovery")
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        assertThat(String.valueOf(rest.withBasicAuth("leader", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("recoveryApproved", Map.of("value", "false", "type", "String"))), Map.class,
                second).getBody())).contains("审定意见为必填项");
        tasks.complete(second, Map.of("recoveryApproved", "false", "recoveryRemarks", "证据不足，请补充调查。"));
        assertThat(history.createHistoricActivityInstanceQuery().activityId("NoRecoveryEndEvent").list()
                .stream().filter(a -> a.getProcessInstanceId() != null).count()).isGreaterThanOrEqualTo(2);
        assertThat(facts(caseNumber)).noneMatch(f -> "STATE_COMPENSATION".equals(f.get("fact")));
    }
}
