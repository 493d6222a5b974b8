package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
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
 * {@code supervision} by itself (《办法》第三条): a 督办 is issued, answered and reviewed, then closed or put before the
 * leaders; the supervised item's completion ends it wherever it stands.
 */
@Deployment(resources = "supervision.bpmn")
class SupervisionStageTest extends StageTest {

    SupervisionProcess supervisionProcess;

    @BeforeEach
    void collaborators() {
        supervisionProcess = bean("supervisionProcess", SupervisionProcess.class);
    }

    /** Starts a 督办 with the variables {@code Supervisions} gives it, and runs its start's save point. */
    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("supervision", "（2026）宁0502行初11号",
                Map.of("caseNumber", "（2026）宁0502行初11号", "issueGroups", "justice-bureau,district-leaders",
                        "replyGroup", "natural-resources", "supervisionPriority", 90));
        assertThat(instance).isWaitingAt("ItemOverdueStartEvent");
        execute(job());
        assertThat(instance).isWaitingAt("IssueSupervisionTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau").hasCandidateGroup("district-leaders");
        return instance;
    }

    private void issueAndReply(ProcessInstance instance) {
        complete(task(instance));
        assertThat(instance).isWaitingAt("ReplySupervisionTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));
        assertThat(instance).isWaitingAt("ReviewSupervisionReplyTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau");
    }

    @Test
    void aReviewedReplyClosesTheSupervision() {
        ProcessInstance instance = start();
        issueAndReply(instance);

        complete(task(instance), withVariables("reviewDecision", "CLOSE"));

        assertThat(instance).hasPassed("SupervisionClosedEndEvent").hasNotPassed("LeadersReadSupervisionTask")
                .isEnded();
        // The start and the end of each of the three tasks.
        verify(supervisionProcess, times(6)).notify(any());
    }

    @Test
    void anEscalatedReplyIsReadByTheLeaders() {
        ProcessInstance instance = start();
        issueAndReply(instance);

        complete(task(instance), withVariables("reviewDecision", "ESCALATE"));
        assertThat(instance).isWaitingAt("LeadersReadSupervisionTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        assertThat(task(instance).getPriority()).isEqualTo(90);
        complete(task(instance));

        assertThat(instance).hasPassed("LeadersReadEndEvent").isEnded();
    }

    @Test
    void theSupervisedItemsCompletionEndsTheSupervisionWhereverItStands() {
        ProcessInstance instance = start();
        complete(task(instance));

        runtimeService().createMessageCorrelation("SupervisedItemDone").processInstanceId(instance.getId()).correlate();

        assertThat(instance).hasPassed("ItemDoneSubProcess", "ItemDoneStartEvent", "ItemDoneEndEvent")
                .hasNotPassed("ReviewSupervisionReplyTask").isEnded();
    }
}
