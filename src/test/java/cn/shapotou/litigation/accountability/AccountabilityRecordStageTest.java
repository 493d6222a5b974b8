package cn.shapotou.litigation.accountability;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** {@code accountability-record} by itself: the start form's fact is recorded by {@code accountabilityRecord}. */
@Deployment(resources = "accountability-record.bpmn")
class AccountabilityRecordStageTest extends StageTest {

    @Test
    void theFactIsRecordedAtTheStart() {
        AccountabilityRecord record = bean("accountabilityRecord", AccountabilityRecord.class);

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("accountability-record",
                Map.of("caseNumber", "（2026）宁0502行初13号"));

        verify(record).notify(any());
        assertThat(instance).hasPassed("FactFoundStartEvent", "FactRecordedEndEvent").isEnded();
    }
}
