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
 * {@code retrial} by itself (行政诉讼法 Art. 90, 《办法》第十五条): the acting unit proposes a retrial application, a
 * leader approves or refuses it, and the acting unit files what was approved.
 */
@Deployment(resources = "retrial.bpmn")
class RetrialStageTest extends StageTest {

    RetrialStage stage;
    CaseAccess caseAccess;
    DeadlineTasks deadlineTasks;

    @BeforeEach
    void collaborators() {
        stage = bean("retrialStage", RetrialStage.class);
        caseAccess = bean("caseAccess", CaseAccess.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
    }

    private ProcessInstance startAndPropose() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("retrial", "（2026）宁0502行初6号",
                Map.of("caseNumber", "（2026）宁0502行初6号", "leadUnit", "natural-resources"));
        verify(caseAccess).grantToParticipants(any());
        assertThat(instance).hasPassed("RetrialConsideredStartEvent").isWaitingAt("ProposeRetrialTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));
        assertThat(instance).isWaitingAt("ApproveRetrialTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        return instance;
    }

    @Test
    void anApprovedRetrialIsFiledByTheActingUnit() {
        ProcessInstance instance = startAndPropose();

        complete(task(instance), withVariables("retrialApproved", true));
        assertThat(instance).hasPassed("RetrialApprovedGateway").isWaitingAt("FileRetrialTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("RetrialFiledEndEvent").hasNotPassed("NoRetrialEndEvent").isEnded();
        verify(deadlineTasks, times(3)).apply(any(), eq("retrial"));
        // The start and the end of each of the three tasks.
        verify(stage, times(4)).notify(any());
    }

    @Test
    void aRefusedRetrialEndsTheStage() {
        ProcessInstance instance = startAndPropose();

        complete(task(instance), withVariables("retrialApproved", false));

        assertThat(instance).hasNotPassed("FileRetrialTask").hasPassed("NoRetrialEndEvent").isEnded();
    }

    @Test
    void everyOverdueStepIsEscalatedWhileItStaysOpen() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("retrial", "（2026）宁0502行初6号",
                Map.of("caseNumber", "（2026）宁0502行初6号", "leadUnit", "natural-resources"));

        fireOverdueTimer(instance, "ProposeRetrialTask", "retrial");
        fireReminderTimer(instance, "ProposeRetrialTask", "retrial");
        complete(task(instance));
        fireOverdueTimer(instance, "ApproveRetrialTask", "retrial");
        fireReminderTimer(instance, "ApproveRetrialTask", "retrial");
        complete(task(instance), withVariables("retrialApproved", true));
        fireOverdueTimer(instance, "FileRetrialTask", "retrial");
        fireReminderTimer(instance, "FileRetrialTask", "retrial");
        complete(task(instance));

        assertThat(instance).hasPassed("RetrialFiledEndEvent").isEnded();
    }
}
