package cn.shapotou.litigation.proceedings;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code major-issue-report} by itself (《办法》第九条第三款): a leader reads the report, the reporting unit notes the
 * instruction.
 */
@Deployment(resources = "major-issue-report.bpmn")
class MajorIssueReportStageTest extends StageTest {

    MajorIssueReport report;

    @BeforeEach
    void collaborators() {
        report = bean("majorIssueReport", MajorIssueReport.class);
    }

    @Test
    void theLeadersInstructionGoesBackToTheReportingUnit() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("major-issue-report", "（2026）宁0502行初9号",
                Map.of("caseNumber", "（2026）宁0502行初9号", "reportingUnit", "natural-resources"));

        assertThat(instance).isWaitingAt("ReadMajorIssueReportTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        verify(report).prioritize(any());
        complete(task(instance));
        assertThat(instance).isWaitingAt("NoteInstructionTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("MajorIssueReportDoneEndEvent").isEnded();
        verify(report, times(3)).notify(any());
    }
}
