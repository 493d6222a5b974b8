package cn.shapotou.litigation.decisions;

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
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code appeal-opinion} by itself (行政诉讼法 Art. 85, 《办法》第十三条): the acting unit's opinion, and when it wants an
 * appeal the 区司法局's review and the leader's decision before the appeal is filed.
 */
@Deployment(resources = "appeal-opinion.bpmn")
class AppealOpinionStageTest extends StageTest {

    AppealOpinionStage stage;
    CaseAccess caseAccess;
    DeadlineTasks deadlineTasks;

    @BeforeEach
    void collaborators() {
        stage = bean("appealOpinionStage", AppealOpinionStage.class);
        caseAccess = bean("caseAccess", CaseAccess.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
    }

    /** Starts the stage with the deadline key {@code appealOpinionStage} sets at its start in the application. */
    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("appeal-opinion", "（2026）宁0502行初4号",
                Map.of("caseNumber", "（2026）宁0502行初4号", "leadUnit", "natural-resources",
                        "appealDeadlineKey", "appealJudgment"));
        assertThat(instance).isWaitingAt("DraftAppealOpinionTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        return instance;
    }

    @Test
    void anApprovedAppealIsFiled() {
        ProcessInstance instance = start();
        verify(caseAccess).grantToParticipants(any());
        verify(deadlineTasks).apply(any(), eq("appealOpinion"));

        complete(task(instance), withVariables("appealWanted", true));
        assertThat(instance).isWaitingAt("ReviewAppealOpinionTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau");
        complete(task(instance));
        assertThat(instance).isWaitingAt("DecideAppealTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        complete(task(instance), withVariables("appealApproved", true));
        assertThat(instance).isWaitingAt("FileAppealTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("AppealFiledEndEvent").hasNotPassed("NoAppealEndEvent").isEnded();
        verify(deadlineTasks, times(3)).apply(any(), eq("appealJudgment"));
        // The start and the end of each of the four tasks.
        verify(stage, times(5)).notify(any());
    }

    @Test
    void noAppealWantedEndsTheStage() {
        ProcessInstance instance = start();

        complete(task(instance), withVariables("appealWanted", false));

        assertThat(instance).hasNotPassed("ReviewAppealOpinionTask").hasPassed("NoAppealEndEvent").isEnded();
    }

    @Test
    void anAppealTheLeaderRefusesEndsTheStage() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables("appealWanted", true));
        complete(task(instance));

        complete(task(instance), withVariables("appealApproved", false));

        assertThat(instance).hasNotPassed("FileAppealTask").hasPassed("NoAppealEndEvent").isEnded();
    }

    @Test
    void everyOverdueStepIsEscalatedWhileItStaysOpen() throws Exception {
        ProcessInstance instance = start();

        fireOverdueTimer(instance, "DraftAppealOpinionTask", "appealOpinion");
        fireReminderTimer(instance, "DraftAppealOpinionTask", "appealOpinion");
        complete(task(instance), withVariables("appealWanted", true));
        // The later steps are due by the appeal deadline the stage variable appealDeadlineKey names.
        fireOverdueTimer(instance, "ReviewAppealOpinionTask", "appealJudgment");
        fireReminderTimer(instance, "ReviewAppealOpinionTask", "appealJudgment");
        complete(task(instance));
        fireOverdueTimer(instance, "DecideAppealTask", "appealJudgment");
        fireReminderTimer(instance, "DecideAppealTask", "appealJudgment");
        complete(task(instance), withVariables("appealApproved", true));
        fireOverdueTimer(instance, "FileAppealTask", "appealJudgment");
        fireReminderTimer(instance, "FileAppealTask", "appealJudgment");
        complete(task(instance));

        assertThat(instance).hasPassed("AppealFiledEndEvent").isEnded();
    }
}
