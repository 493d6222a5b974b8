package cn.shapotou.litigation.records;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hearing-observation} (《办法》第二十条) and {@code training-record} (《办法》第二十一条) by themselves: each
 * start form is recorded by {@code workRecords}.
 */
@Deployment(resources = {"hearing-observation.bpmn", "training-record.bpmn"})
class WorkRecordStageTest extends StageTest {

    WorkRecords workRecords;

    @BeforeEach
    void collaborators() {
        workRecords = bean("workRecords", WorkRecords.class);
    }

    @Test
    void aHearingObservationIsRecordedAtTheStart() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("hearing-observation");

        verify(workRecords).notify(any());
        assertThat(instance).hasPassed("HearingObservedStartEvent", "HearingObservationRecordedEndEvent").isEnded();
    }

    @Test
    void aTrainingIsRecordedAtTheStart() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("training-record");

        verify(workRecords).notify(any());
        assertThat(instance).hasPassed("TrainingHeldStartEvent", "TrainingRecordedEndEvent").isEnded();
    }
}
