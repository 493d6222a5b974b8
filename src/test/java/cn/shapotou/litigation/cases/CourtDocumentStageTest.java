package cn.shapotou.litigation.cases;

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
 * {@code court-document} by itself: the start form is checked, then the document is entered in its case and handed to
 * the case's process, both by {@code courtDocumentIntake}.
 */
@Deployment(resources = "court-document.bpmn")
class CourtDocumentStageTest extends StageTest {

    @Test
    void theDocumentIsCheckedThenRegistered() throws Exception {
        CourtDocumentIntake intake = bean("courtDocumentIntake", CourtDocumentIntake.class);

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("court-document",
                Map.of("caseNumber", "（2026）宁0502行初15号"));

        InOrder order = inOrder(intake);
        order.verify(intake).notify(any());
        order.verify(intake).execute(any());
        assertThat(instance).hasPassed("RegisterDocumentTask", "DocumentRegisteredEndEvent").isEnded();
    }
}
