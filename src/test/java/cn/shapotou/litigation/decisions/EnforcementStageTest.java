package cn.shapotou.litigation.decisions;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.deadlines.DeadlineTasks;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code enforcement} by itself (行政诉讼法 Art. 95, 《办法》第十六条): the acting unit proposes an application for
 * enforcement, a leader approves or refuses it, and the acting unit files what was approved.
 */
@Deployment(resources = "enforcement.bpmn")
class EnforcementStageTest extends StageTest {

    EnforcementStage stage;
    CaseAccess caseAccess;
    DeadlineTasks deadlineTasks;

    @BeforeEach
    void collaborators() {
        stage = bean("enforcementStage", EnforcementStage.class);
        caseAccess = bean("caseAccess", CaseAccess.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
    }

    private ProcessInstance startAndPropose() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("enforcement", "（2026）宁0502行初7号",
                Map.of("caseNumber", "（2026）宁0502行初7号", "leadUnit", "natural-resources"));
        verify(caseAccess).grantToParticipants(any());
        assertThat(instance).hasPassed("NonPerformanceStartEvent").isWaitingAt("ProposeEnforcementTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));
        assertThat(instance).isWaitingAt("ApproveEnforcementTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        return instance;
    }

    @Test
    void anApprovedEnforcementIsFiledByTheActingUnit() {
        ProcessInstance instance = startAndPropose();

        complete(task(instance), withVariables("enforcementApproved", true));
        assertThat(instance).hasPassed("EnforcementApprovedGateway").isWaitingAt("ApplyEnforcementTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("EnforcementAppliedEndEvent").hasNotPassed("NoEnforcementEndEvent").isEnded();
        verify(deadlineTasks, times(3)).apply(any(), eq("enforcement"));
        // The start and the end of each of the three tasks.
        verify(stage, times(4)).notify(any());
    }

    @Test
    void aRefusedEnforcementEndsTheStage() {
        ProcessInstance instance = startAndPropose();

        complete(task(instance), withVariables("enforcementApproved", false));

        assertThat(instance).hasNotPassed("ApplyEnforcementTask").hasPassed("NoEnforcementEndEvent").isEnded();
    }

    @Test
    void everyOverdueStepIsEscalatedWhileItStaysOpen() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("enforcement", "（2026）宁0502行初7号",
                Map.of("caseNumber", "（2026）宁0502行初7号", "leadUnit", "natural-resources"));

        fireOverdueTimer(instance, "ProposeEnforcementTask", "enforcement");
        fireReminderTimer(instance, "ProposeEnforcementTask", "enforcement");
        complete(task(instance));
        fireOverdueTimer(instance, "ApproveEnforcementTask", "enforcement");
        fireReminderTimer(instance, "ApproveEnforcementTask", "enforcement");
        complete(task(instance), withVariables("enforcementApproved", true));
        fireOverdueTimer(instance, "ApplyEnforcementTask", "enforcement");
        fireReminderTimer(instance, "ApplyEnforcementTask", "enforcement");
        complete(task(instance));

        assertThat(instance).hasPassed("EnforcementAppliedEndEvent").isEnded();
    }
}
