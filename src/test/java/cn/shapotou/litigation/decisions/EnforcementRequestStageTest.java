package cn.shapotou.litigation.decisions;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;

import cn.shapotou.litigation.StageTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * {@code enforcement-request} by itself (行政诉讼法 Art. 95): the start form is checked, then the archived case is
 * reopened, both by {@code enforcementRequest}.
 */
@Deployment(resources = "enforcement-request.bpmn")
class EnforcementRequestStageTest extends StageTest {

    @Test
    void theRequestIsCheckedThenTheCaseReopened() throws Exception {
        EnforcementRequest request = bean("enforcementRequest", EnforcementRequest.class);

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("enforcement-request",
                Map.of("caseNumber", "（2026）宁0502行初14号"));

        InOrder order = inOrder(request);
        order.verify(request).notify(any());
        order.verify(request).execute(any());
        assertThat(instance).hasPassed("ReopenCaseTask", "CaseReopenedEndEvent").isEnded();
    }
}
