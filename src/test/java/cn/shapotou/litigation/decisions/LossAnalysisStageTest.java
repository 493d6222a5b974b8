package cn.shapotou.litigation.decisions;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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
 * {@code loss-analysis} by itself (《办法》第十二条): the acting unit's report goes at once to the leader and to the
 * 区司法局; the stage ends when both have dealt with it, in either order, each behind its save point.
 */
@Deployment(resources = "loss-analysis.bpmn")
class LossAnalysisStageTest extends StageTest {

    LossAnalysisStage stage;
    CaseAccess caseAccess;
    DeadlineTasks deadlineTasks;

    @BeforeEach
    void collaborators() {
        stage = bean("lossAnalysisStage", LossAnalysisStage.class);
        caseAccess = bean("caseAccess", CaseAccess.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
    }

    private ProcessInstance startAndWrite() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("loss-analysis", "（2026）宁0502行初5号",
                Map.of("caseNumber", "（2026）宁0502行初5号", "leadUnit", "natural-resources"));
        verify(caseAccess).grantToParticipants(any());
        assertThat(instance).isWaitingAt("WriteLossAnalysisTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        verify(deadlineTasks).apply(any(), eq("lossAnalysis"));
        complete(task(instance));
        assertThat(instance).isWaitingAt("ReadLossAnalysisTask", "FileLossAnalysisTask");
        assertThat(task("ReadLossAnalysisTask", instance)).hasCandidateGroup("district-leaders");
        assertThat(task("FileLossAnalysisTask", instance)).hasCandidateGroup("justice-bureau");
        return instance;
    }

    @Test
    void theLeadersReadingThenTheFilingEndTheStage() {
        ProcessInstance instance = startAndWrite();

        complete(task("ReadLossAnalysisTask", instance));
        runJobs(instance);
        assertThat(instance).isWaitingAt("FileLossAnalysisTask").isNotEnded();
        complete(task("FileLossAnalysisTask", instance));

        assertThat(instance).hasPassed("LossAnalysisJoinGateway", "LossAnalysisDoneEndEvent").isEnded();
        verify(stage, times(4)).notify(any());
    }

    @Test
    void theFilingThenTheLeadersReadingEndTheStage() {
        ProcessInstance instance = startAndWrite();

        complete(task("FileLossAnalysisTask", instance));
        runJobs(instance);
        assertThat(instance).isWaitingAt("ReadLossAnalysisTask");
        complete(task("ReadLossAnalysisTask", instance));
        runJobs(instance);

        assertThat(instance).isEnded();
    }

    @Test
    void anOverdueReportIsEscalatedWhileItStaysOpen() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("loss-analysis", "（2026）宁0502行初5号",
                Map.of("caseNumber", "（2026）宁0502行初5号", "leadUnit", "natural-resources"));

        fireOverdueTimer(instance, "WriteLossAnalysisTask", "lossAnalysis");
        fireReminderTimer(instance, "WriteLossAnalysisTask", "lossAnalysis");
        assertThat(instance).isWaitingAt("WriteLossAnalysisTask");
        complete(task(instance));

        assertThat(instance).hasPassed("WriteLossAnalysisEscalatedEndEvent")
                .isWaitingAt("ReadLossAnalysisTask", "FileLossAnalysisTask");
    }
}
