package cn.shapotou.litigation.appearance;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import cn.shapotou.litigation.proceedings.HearingMajorIssue;
import cn.shapotou.litigation.records.ReviewRounds;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code court-appearance} by itself (行政诉讼法 Art. 3 ¶3, 《办法》第七条至第九条): the appearance plan, the
 * leader's approval when the head cannot appear with its return loop, a postponed hearing planned again, and the
 * written report of a major issue found at the hearing.
 */
@Deployment(resources = "court-appearance.bpmn")
class CourtAppearanceStageTest extends StageTest {

    CourtAppearanceStage stage;
    AppearancePlanCheck planCheck;
    HeadAbsenceApproval absenceCheck;
    HearingRecordCheck recordCheck;
    HearingMajorIssue majorIssue;

    @BeforeEach
    void collaborators() {
        stage = bean("courtAppearanceStage", CourtAppearanceStage.class);
        planCheck = bean("appearancePlanCheck", AppearancePlanCheck.class);
        absenceCheck = bean("headAbsenceApprovalCheck", HeadAbsenceApproval.class);
        recordCheck = bean("hearingRecordCheck", HearingRecordCheck.class);
        majorIssue = bean("hearingMajorIssue", HearingMajorIssue.class);
        bean("reviewRounds", ReviewRounds.class);
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("court-appearance", "（2026）宁0502行初3号",
                Map.of("caseNumber", "（2026）宁0502行初3号", "leadUnit", "natural-resources"));
        assertThat(instance).isWaitingAt("PlanAppearanceTask");
        return instance;
    }

    @Test
    void theHeadAppearsAndTheHearingEndsWithoutAMajorIssue() throws Exception {
        ProcessInstance instance = start();
        verify(stage).notify(any());
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        verify(stage).due(any(), eq("plan"));
        verify(stage).prefill(any());

        complete(task(instance), withVariables("headAppears", true));
        verify(planCheck).notify(any());
        assertThat(instance).hasNotPassed("ApproveHeadAbsenceTask").isWaitingAt("AttendHearingTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        verify(stage).due(any(), eq("attend"));

        complete(task(instance), withVariables("hearingOutcome", "HELD", "majorIssue", false));
        verify(recordCheck).notify(any());
        verify(majorIssue, never()).execute(any());
        assertThat(instance).hasPassed("HearingHeldGateway", "MajorIssueGateway", "HearingDoneEndEvent").isEnded();
    }

    @Test
    void aHeadsAbsenceNeedsTheLeadersApprovalWhoMayReturnThePlan() throws Exception {
        ProcessInstance instance = start();

        complete(task(instance), withVariables("headAppears", false));
        assertThat(instance).isWaitingAt("ApproveHeadAbsenceTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        verify(stage).due(any(), eq("approval"));
        complete(task(instance), withVariables("headAbsenceApproved", false));
        verify(absenceCheck).notify(any());

        assertThat(instance).isWaitingAt("PlanAppearanceTask");
        complete(task(instance), withVariables("headAppears", false));
        complete(task(instance), withVariables("headAbsenceApproved", true));
        assertThat(instance).isWaitingAt("AttendHearingTask");
    }

    @Test
    void aPostponedHearingIsPlannedAgainAndAMajorIssueIsReportedInWriting() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance), withVariables("headAppears", true));

        complete(task(instance), withVariables("hearingOutcome", "POSTPONED"));
        assertThat(instance).isWaitingAt("PlanAppearanceTask");
        verify(stage, times(2)).due(any(), eq("plan"));

        complete(task(instance), withVariables("headAppears", true));
        complete(task(instance), withVariables("hearingOutcome", "HELD", "majorIssue", true));
        verify(majorIssue).execute(any());
        assertThat(instance).hasPassed("ReportMajorIssueTask", "HearingDoneEndEvent").isEnded();
    }
}
