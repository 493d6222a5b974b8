package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.answer.AnswerPreparationContract;
import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import cn.shapotou.litigation.operations.ProcessMigration;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stage started by litigation-case 1.7.0 (its call activities copied every variable with {@code camunda:in}/
 * {@code camunda:out}; src/test/resources/migration/1.7.0, taken from the history of processes/) whose case moves to
 * the current version before the stage ends: the engine takes the outputs from the current call activity, so the
 * stage gives back through its {@link StageContract}, and the next stage gets its contract's variables
 * (src/docs/architecture.md「案件数据与阶段约定」).
 */
@IntegrationTest
class StageContractMigrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessMigration migration;

    CaseWalk walk;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStageStartedUnderTheEarlierMappingsGivesBackThroughItsContractAfterTheCaseMoved() throws Exception {
        ProcessDefinition earlier;
        ProcessInstance theCase;
        ProcessInstance intake;
        try (InputStream model = getClass().getResourceAsStream("/migration/1.7.0/litigation-case.bpmn.xml")) {
            Deployment deployment = repository.createDeployment().name("stage-contract-migration-1.7.0")
                    .addInputStream("litigation-case.bpmn", model).deploy();
            earlier = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
            assertThat(earlier.getVersionTag()).isEqualTo("1.7.0");
            theCase = walk.register(TestCases.natresCase());
            assertThat(theCase.getProcessDefinitionId()).isEqualTo(earlier.getId());
            assertThat(theCase).isWaitingAt("NoticeIntakeCallActivity");
            intake = runtime.createProcessInstanceQuery().superProcessInstanceId(theCase.getId()).singleResult();
            assertThat(runtime.getVariables(intake.getId())).containsKeys(
                    NoticeIntakeContract.GETS.toArray(String[]::new));
        } finally {
            // The current model again, as the application deploys it, whatever happened above.
            repository.createDeployment().name("stage-contract-migration-current")
                    .addClasspathResource("litigation-case.bpmn").deploy();
        }
        String current = repository.createProcessDefinitionQuery().processDefinitionKey("litigation-case")
                .latestVersion().singleResult().getId();
        assertThat(current).isNotEqualTo(earlier.getId());

        migration.run(true);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(theCase.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(current);

        String caseNumber = theCase.getBusinessKey();
        runtime.setVariable(intake.getId(), "proposalNotes", "迁移后办结的阶段");
        walk.approveProposal(caseNumber);
        assertThat(theCase).isWaitingAt("AnswerPreparationCallActivity");

        Map<String, Object> given = runtime.getVariables(theCase.getId());
        for (String name : NoticeIntakeContract.GIVES_BACK) {
            HistoricVariableInstance decided = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(intake.getId()).variableName(name).singleResult();
            // Compared as text: a JSON value read from the history is another object than the runtime's. A variable
            // the stage never had (approvalRemarks when the leaders wrote none) is null in the case, as before.
            assertThat(given).as(name).containsKey(name);
            assertThat(String.valueOf(given.get(name))).as(name)
                    .isEqualTo(String.valueOf(decided == null ? null : decided.getValue()));
        }
        assertThat(given).containsEntry("proposalNotes", "迁移后办结的阶段").containsEntry("complexity", "NORMAL")
                .containsEntry("proposedAppearance", "局长出庭");

        ProcessInstance answer = runtime.createProcessInstanceQuery().superProcessInstanceId(theCase.getId())
                .singleResult();
        assertThat(answer.getProcessDefinitionId()).startsWith("answer-preparation:");
        // The stage started by the migrated case carries the current model's timers: one reminder timer for the
        // units' 准备答辩材料 (on the multi-instance body), first at 00:00 two days before the deadline.
        assertThat(cn.shapotou.litigation.escalation.OverdueTimers.reminderOf(engine, answer.getId(), "PrepareAnswerTask")
                .getDuedate()).isEqualTo(java.util.Date.from(java.time.LocalDate.of(2026, 12, 5)
                        .atStartOfDay(cn.shapotou.litigation.deadlines.LegalClock.ZONE).toInstant()));
        Map<String, Object> got = runtime.getVariables(answer.getId());
        for (String name : AnswerPreparationContract.GETS) {
            assertThat(got).as(name).containsKey(name);
            if (!name.equals(CaseFacts.DEADLINES) && !name.equals("answerStartsOn")) {
                assertThat(String.valueOf(got.get(name))).as(name).isEqualTo(String.valueOf(given.get(name)));
            }
        }
    }
}
