package cn.shapotou.litigation.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code case-archive-copy} by itself (《办法》第十八条): the copy is stored after the archiving has committed (its own
 * job), and a failed attempt waits for its retry.
 */
@Deployment(resources = "case-archive-copy.bpmn")
class CaseArchiveCopyStageTest extends StageTest {

    CaseArchiveCopy copy;

    @BeforeEach
    void collaborators() {
        copy = bean("caseArchiveCopy", CaseArchiveCopy.class);
    }

    private ProcessInstance archive() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("case-archive-copy", "（2026）宁0502行初16号",
                Map.of("caseNumber", "（2026）宁0502行初16号"));
        assertThat(instance).isWaitingAt("StoreArchiveCopyTask");
        return instance;
    }

    @Test
    void theCopyIsStoredInAJobOfItsOwn() throws Exception {
        ProcessInstance instance = archive();
        verify(copy, never()).execute(any());

        execute(job());

        verify(copy).execute(any());
        assertThat(instance).hasPassed("ArchiveCopyStoredEndEvent").isEnded();
    }

    @Test
    void aFailedCopyIsTriedAgainLater() throws Exception {
        ProcessInstance instance = archive();
        doThrow(new IOException("磁盘已满")).when(copy).execute(any());

        assertThatThrownBy(() -> execute(job())).hasStackTraceContaining("磁盘已满");

        // R5/PT30M: five attempts in all, the next one half an hour on.
        assertThat(job().getRetries()).isEqualTo(4);
        assertThat(job().getDuedate()).isNotNull();
        assertThat(instance).isWaitingAt("StoreArchiveCopyTask");
        doNothing().when(copy).execute(any());
        execute(job());
        assertThat(instance).isEnded();
    }
}
