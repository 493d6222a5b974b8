package cn.shapotou.litigation.accountability;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shapotou.litigation.StageTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compensation-recovery} by itself (国家赔偿法 Art. 16): a leader decides on the proposed recovery; whether it
 * is ordered is {@code compensationRecovery}'s to say.
 */
@Deployment(resources = "compensation-recovery.bpmn")
class CompensationRecoveryStageTest extends StageTest {

    CompensationRecovery recovery;

    @BeforeEach
    void collaborators() {
        recovery = bean("compensationRecovery", CompensationRecovery.class);
    }

    private ProcessInstance proposeAndDecide(boolean recovers) {
        when(recovery.recovers(any())).thenReturn(recovers);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("compensation-recovery",
                "（2026）宁0502行初12号", Map.of("caseNumber", "（2026）宁0502行初12号"));
        assertThat(instance).isWaitingAt("DecideRecoveryTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        complete(task(instance));
        verify(recovery, times(2)).notify(any());
        verify(recovery).recovers(any());
        return instance;
    }

    @Test
    void anApprovedRecoveryIsOrdered() {
        ProcessInstance instance = proposeAndDecide(true);

        assertThat(instance).hasPassed("RecoveryOrderedEndEvent").hasNotPassed("NoRecoveryEndEvent").isEnded();
    }

    @Test
    void noRecoveryEndsTheOtherWay() {
        ProcessInstance instance = proposeAndDecide(false);

        assertThat(instance).hasPassed("NoRecoveryEndEvent").hasNotPassed("RecoveryOrderedEndEvent").isEnded();
    }
}
