package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.shapotou.litigation.escalation.SupervisionFixture.item;
import static cn.shapotou.litigation.escalation.SupervisionFixture.key;

import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.operations.MigrationRules;
import cn.shapotou.litigation.operations.ProcessMigration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Open 督办 (《办法》第三条) move to the newest version of process {@code supervision} like the cases (README「运维」),
 * and the item being done still ends them there. The earlier version (src/test/resources/migration/supervision-0.9.0)
 * names the leaders' step {@code ReportToLeadersTask}: without a rule an instance waiting there stays and is reported;
 * with the rename written down it moves too.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class SupervisionMigrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    Supervisions supervisions;
    @Autowired
    ProcessMigration migration;

    SupervisionFixture supervision;

    @BeforeEach
    void init() {
        TestCases.today("2026-12-10");
        supervision = new SupervisionFixture(engine, supervisions);
    }

    private ProcessDefinition deploy(String name, String resource) throws IOException {
        // A model of the application sits at the classpath root, as the application deploys it.
        try (InputStream model = getClass().getResourceAsStream(resource)) {
            String id = repository.createDeployment().name(name)
                    .addInputStream("supervision.bpmn", new java.io.ByteArrayInputStream(model.readAllBytes()))
                    .deploy().getId();
            return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
        }
    }

    private static ProcessMigration.Group group(ProcessMigration.Report report, ProcessDefinition source) {
        return report.groups().stream().filter(g -> g.sourceDefinitionId().equals(source.getId())).findFirst()
                .orElseThrow();
    }

    @Test
    void openSupervisionsMoveAndTheItemDoneStillEndsThem() throws IOException {
        ProcessDefinition earlier;
        OverdueItem issuing = item(key(), null);
        OverdueItem replying = item(key(), null);
        OverdueItem atLeaders = item(key(), null);
        ProcessInstance issuingInstance;
        ProcessInstance replyingInstance;
        ProcessInstance leadersInstance;
        OverdueItem saved = item(key(), null);
        ProcessInstance savedInstance;
        ProcessDefinition current;
        try {
            earlier = deploy("migration-test-supervision-0.9.0", "/migration/supervision-0.9.0/supervision.bpmn.xml");
            assertThat(earlier.getVersionTag()).isEqualTo("0.9.0");
            issuingInstance = supervision.started(issuing);
            replyingInstance = supervision.started(replying);
            supervision.issue(replyingInstance, "PHONE");
            leadersInstance = supervision.started(atLeaders);
            supervision.issue(leadersInstance, "PHONE");
            supervision.reply(leadersInstance, "2026-12-12");
            supervision.review(leadersInstance, "ESCALATE");
            assertThat(leadersInstance).isWaitingAt("ReportToLeadersTask");
            // Started by a sweep, its first step not yet created (the start's save point, a job).
            savedInstance = runtime.createProcessInstanceQuery().processInstanceId(supervisions.start(saved))
                    .singleResult();
        } finally {
            try (InputStream model = getClass().getResourceAsStream("/supervision.bpmn")) {
                String id = repository.createDeployment().name("migration-test-supervision-current")
                        .addInputStream("supervision.bpmn", new java.io.ByteArrayInputStream(model.readAllBytes()))
                        .deploy().getId();
                current = repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
            }
        }
        assertThat(current.getVersionTag()).as("the shipped model's version").isEqualTo(
                org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(getClass().getResourceAsStream("/supervision.bpmn"))
                        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                        .getCamundaVersionTag());

        ProcessMigration.Group planned = group(migration.run(false), earlier);
        assertThat(planned.processName()).isEqualTo(current.getName());
        assertThat(planned.instances()).isEqualTo(4);
        assertThat(planned.migrated()).isEqualTo(3);
        assertThat(planned.notMigratable()).singleElement().satisfies(r -> {
            assertThat(r.processInstanceId()).isEqualTo(leadersInstance.getId());
            assertThat(r.businessKey()).isEqualTo(atLeaders.caseNumber());
            assertThat(r.reasons()).containsExactly("环节「督办：区政府领导阅处」（ReportToLeadersTask）在新版本中没有对应环节："
                    + "该环节在原版本办结后即可迁移");
        });

        // A rule the engine rejects (a user task cannot become an end event) moves nobody of the version.
        ProcessMigration.Group rejected = group(migration.withRules(new MigrationRules(
                Map.of(SupervisionProcess.PROCESS_KEY, Map.of("ReportToLeadersTask", "ItemDoneEndEvent")),
                Map.of())).run(false), earlier);
        assertThat(rejected.migrated()).isZero();
        assertThat(rejected.planErrors()).singleElement().isEqualTo("迁移规则「督办：区政府领导阅处」→「结束：事项已办结」不成立");
        assertThat(rejected.notMigratable()).hasSize(4).allSatisfy(r -> assertThat(r.reasons())
                .containsExactly("迁移计划未通过引擎校验，本版本的实例都留在原版本"));

        ProcessMigration.Group moved = group(migration.run(true), earlier);
        assertThat(moved.migrated()).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(issuingInstance.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(current.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(leadersInstance.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(earlier.getId());

        // With the rename written down, the leaders' step moves as well.
        ProcessMigration renamed = migration.withRules(new MigrationRules(
                Map.of(SupervisionProcess.PROCESS_KEY, Map.of("ReportToLeadersTask", "LeadersReadSupervisionTask")),
                Map.of()));
        assertThat(group(renamed.run(true), earlier).migrated()).isEqualTo(1);
        assertThat(leadersInstance).isWaitingAt("LeadersReadSupervisionTask");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).count()).isZero();

        // On the newest version: the save point's job runs on it; the item done ends one (the message the sweep
        // sends); the others finish their steps.
        execute(BpmnAwareTests.job(savedInstance));
        assertThat(savedInstance).isWaitingAt("IssueSupervisionTask");
        assertThat(supervisions.end(savedInstance.getId(), saved.key())).isTrue();
        assertThat(savedInstance).isEnded();
        assertThat(supervisions.end(issuingInstance.getId(), issuing.key())).isTrue();
        assertThat(issuingInstance).hasPassed("ItemDoneStartEvent", "ItemDoneEndEvent").isEnded();
        supervision.reply(replyingInstance, "2026-12-12");
        supervision.review(replyingInstance, "CLOSE");
        assertThat(replyingInstance).hasPassed("SupervisionClosedEndEvent").isEnded();
        supervision.as("leader", "district-leaders", () -> tasks.complete(task(leadersInstance).getId(),
                Map.of("leaderRemarks", "限期办结。")));
        assertThat(leadersInstance).hasPassed("LeadersReadEndEvent").isEnded();
    }

    /**
     * The engine's own check of each instance: 0.8.0 continued asynchronously before the reply, and an instance at
     * that save point cannot move to a step that has none. It is refused, stays on its version, and the other
     * instance of its chunk moves all the same.
     */
    @Test
    void anInstanceTheEngineRefusesStaysAndTheRestOfItsChunkMoves() throws IOException {
        ProcessDefinition earlier;
        ProcessInstance saved;
        ProcessInstance issuing;
        ProcessDefinition current;
        try {
            earlier = deploy("migration-test-supervision-0.8.0", "/migration/supervision-0.8.0/supervision.bpmn.xml");
            saved = supervision.started(item(key(), null));
            supervision.issue(saved, "PHONE");
            assertThat(tasks.createTaskQuery().processInstanceId(saved.getId()).count()).isZero();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(saved.getId()).count())
                    .as("the save point before the reply").isEqualTo(1);
            issuing = supervision.started(item(key(), null));
        } finally {
            current = deploy("migration-test-supervision-current", "/supervision.bpmn");
        }

        ProcessMigration.Group moved = group(migration.run(true), earlier);
        assertThat(moved.instances()).isEqualTo(2);
        assertThat(moved.migrated()).isEqualTo(1);
        assertThat(moved.notMigratable()).singleElement().satisfies(r -> {
            assertThat(r.processInstanceId()).isEqualTo(saved.getId());
            assertThat(r.reasons()).containsExactly(
                    "环节「答复督办」（ReplySupervisionTask）的当前状态不能迁移到新版本的对应环节");
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(saved.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(earlier.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(issuing.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(current.getId());

        // The refused one continues on 0.8.0: its save point runs, then it moves like any other.
        execute(BpmnAwareTests.job(saved));
        assertThat(tasks.createTaskQuery().processInstanceId(saved.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("ReplySupervisionTask");
        assertThat(group(migration.run(true), earlier).migrated()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).count()).isZero();
        supervision.reply(saved, "2026-12-12");
        supervision.review(saved, "CLOSE");
        assertThat(saved).hasPassed("SupervisionClosedEndEvent").isEnded();
        runtime.deleteProcessInstance(issuing.getId(), "SupervisionMigrationTest", true);
    }
}
