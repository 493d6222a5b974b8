package cn.shapotou.litigation.recommendations;

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
import cn.shapotou.litigation.records.ReviewRounds;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code judicial-recommendation} by itself (《办法》第十七条): started by its message, the reply is drafted, approved by
 * a leader or returned, and sent to the court.
 */
@Deployment(resources = "judicial-recommendation.bpmn")
class JudicialRecommendationStageTest extends StageTest {

    JudicialRecommendationStage stage;
    CaseAccess caseAccess;
    ReviewRounds reviewRounds;

    @BeforeEach
    void collaborators() {
        stage = bean("judicialRecommendation", JudicialRecommendationStage.class);
        caseAccess = bean("caseAccess", CaseAccess.class);
        reviewRounds = bean("reviewRounds", ReviewRounds.class);
    }

    private ProcessInstance receive() {
        ProcessInstance instance = runtimeService().startProcessInstanceByMessage("JudicialRecommendation",
                "（2026）宁0502行初10号", Map.of("caseNumber", "（2026）宁0502行初10号", "replyUnit", "natural-resources"));
        verify(caseAccess).grantToParticipants(any());
        assertThat(instance).hasBusinessKey("（2026）宁0502行初10号").isWaitingAt("DraftReplyTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));
        assertThat(instance).isWaitingAt("ApproveReplyTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        return instance;
    }

    @Test
    void anApprovedReplyIsSentToTheCourt() {
        ProcessInstance instance = receive();

        complete(task(instance), withVariables("replyApproved", true));
        assertThat(instance).isWaitingAt("SendReplyTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("RepliedEndEvent").isEnded();
        verify(stage, times(4)).notify(any());
        verify(stage, times(3)).due(any());
    }

    @Test
    void aReturnedReplyIsDraftedAgain() {
        ProcessInstance instance = receive();

        complete(task(instance), withVariables("replyApproved", false));

        assertThat(instance).isWaitingAt("DraftReplyTask");
        verify(reviewRounds, times(3)).show(any(), eq("reply"));
    }
}
