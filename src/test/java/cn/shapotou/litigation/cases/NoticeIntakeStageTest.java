package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;
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
import cn.shapotou.litigation.deadlines.DeadlineTasks;
import cn.shapotou.litigation.records.ReviewRounds;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code notice-intake} by itself: the 办理建议 is drafted by the 区司法局 and approved or returned by a leader. */
@Deployment(resources = "notice-intake.bpmn")
class NoticeIntakeStageTest extends StageTest {

    CaseAccess caseAccess;
    DeadlineTasks deadlineTasks;
    ReviewRounds reviewRounds;
    HandlingProposal.ProposalCheck proposalCheck;
    HandlingProposal.ApprovalCheck approvalCheck;

    @BeforeEach
    void collaborators() {
        caseAccess = bean("caseAccess", CaseAccess.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
        reviewRounds = bean("reviewRounds", ReviewRounds.class);
        proposalCheck = bean("handlingProposalCheck", HandlingProposal.ProposalCheck.class);
        approvalCheck = bean("proposalApprovalCheck", HandlingProposal.ApprovalCheck.class);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("notice-intake", "（2026）宁0502行初1号",
                Map.of("caseNumber", "（2026）宁0502行初1号"));
    }

    @Test
    void anApprovedProposalEndsTheStage() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).hasBusinessKey("（2026）宁0502行初1号").isWaitingAt("DraftHandlingProposalTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau");
        verify(caseAccess).grantToParticipants(any());
        verify(deadlineTasks).apply(any(), eq("statutoryAnswer"));
        verify(reviewRounds).show(any(), eq("proposal"));
        complete(task(instance));
        verify(proposalCheck).notify(any());

        assertThat(instance).isWaitingAt("ApproveHandlingProposalTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        complete(task(instance), withVariables("approved", true));
        verify(approvalCheck).notify(any());

        assertThat(instance).hasPassedInOrder("DraftHandlingProposalTask", "ApproveHandlingProposalTask",
                "ProposalApprovedGateway", "ProposalApprovedEndEvent").isEnded();
    }

    @Test
    void aReturnedProposalIsDraftedAgain() {
        ProcessInstance instance = start();
        complete(task(instance));

        complete(task(instance), withVariables("approved", false));

        assertThat(instance).isWaitingAt("DraftHandlingProposalTask");
        // First from the start, then back from the leader: both through the merge before the task.
        assertThat(passes(instance, "DraftProposalMergeGateway")).isEqualTo(2);
        verify(reviewRounds, times(3)).show(any(), eq("proposal"));
        complete(task(instance));
        complete(task(instance), withVariables("approved", true));
        assertThat(instance).isEnded();
    }

    @Test
    void overdueDraftingAndApprovalAreEscalatedWhileTheyStayOpen() throws Exception {
        ProcessInstance instance = start();

        fireOverdueTimer(instance, "DraftHandlingProposalTask", "statutoryAnswer");
        fireReminderTimer(instance, "DraftHandlingProposalTask", "statutoryAnswer");
        assertThat(instance).isWaitingAt("DraftHandlingProposalTask");
        complete(task(instance));

        fireOverdueTimer(instance, "ApproveHandlingProposalTask", "statutoryAnswer");
        fireReminderTimer(instance, "ApproveHandlingProposalTask", "statutoryAnswer");
        assertThat(instance).isWaitingAt("ApproveHandlingProposalTask");
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).hasPassed("DraftHandlingProposalEscalatedEndEvent",
                "ApproveHandlingProposalEscalatedEndEvent", "ProposalApprovedEndEvent").isEnded();
    }
}
