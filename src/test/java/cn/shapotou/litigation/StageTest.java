package cn.shapotou.litigation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * Base of the stage tests: one stage BPMN deployed by itself (the subclass's {@code @Deployment}) into a plain
 * in-memory engine, without Spring. The beans its expressions name are Mockito mocks registered under those names, so a
 * stage test checks the stage's flow — every gateway branch, event and return loop — and which collaborator the flow
 * calls, not what the collaborators do (their own tests and the {@link IntegrationTest}s do that). The application's
 * engine plugins (deadlines, due-date guard, escalation, save points) are left out: they act on every task of every
 * stage and are tested where they are defined. No job executor: a test runs the save points and other jobs itself.
 * After the class, {@link StageCoverage} checks that its tests ran every flow node and sequence flow of the stage.
 */
public abstract class StageTest {

    @RegisterExtension
    static final StageCoverage COVERAGE = new StageCoverage();

    @RegisterExtension
    protected final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(StageEngine.ENGINE).build();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @AfterEach
    void forgetMocks() {
        Mocks.reset();
    }

    /** The Spring tests that follow in the same JVM pick their own engine, not this one. */
    @AfterAll
    static void resetAssertions() {
        AbstractAssertions.reset();
    }

    /** A Mockito mock of the bean, registered under the name the BPMN's expressions use. */
    protected static <T> T bean(String name, Class<T> type) {
        T mock = Mockito.mock(type);
        Mocks.register(name, mock);
        return mock;
    }

    /** Runs the instance's waiting jobs (save points after a person's task, asyncBefore work) until none is left. */
    protected static void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = jobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(BpmnAwareTests::execute);
        }
        throw new IllegalStateException("jobs of " + instance.getId() + " keep making new jobs");
    }

    /** One engine for every stage test class in the JVM, built on first use. */
    private static final class StageEngine {
        static final ProcessEngine ENGINE = build();

        private static ProcessEngine build() {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("stage-tests");
            configuration.setJdbcUrl("jdbc:h2:mem:stage-tests;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setCustomHistoryEventHandlers(List.of(StageCoverage.ACTIVITIES));
            // Mutable: the engine adds its own parse listeners to this list.
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(StageCoverage.FLOWS)));
            return configuration.buildProcessEngine();
        }
    }
}
