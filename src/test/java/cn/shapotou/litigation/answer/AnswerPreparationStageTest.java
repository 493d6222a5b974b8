package cn.shapotou.litigation.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shapotou.litigation.StageTest;
import cn.shapotou.litigation.deadlines.DeadlineTasks;
import cn.shapotou.litigation.records.ReviewRounds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code answer-preparation} by itself (《办法》第五条、第六条、第十条, 第四条第四款): counsel assignment beside one
 * preparation task per acting unit, the optional 庭前论证, the review with its return loop, the written report of a case
 * the district government upheld on reconsideration with its own return loop, and sealing before the join.
 */
@Deployment(resources = "answer-preparation.bpmn")
class AnswerPreparationStageTest extends StageTest {

    static final String CASE = "（2026）宁0502行初2号";

    AnswerStage answerStage;
    CounselAssignment counselAssignment;
    AnswerMaterialsCheck materialsCheck;
    AnswerReviewCheck reviewCheck;
    UpheldReportCheck upheldReportCheck;
    UpheldReportReadingCheck upheldReportReadingCheck;
    AnswerDeliveryCheck deliveryCheck;
    DeadlineTasks deadlineTasks;

    @BeforeEach
    void collaborators() {
        answerStage = bean("answerStage", AnswerStage.class);
        counselAssignment = bean("counselAssignment", CounselAssignment.class);
        materialsCheck = bean("answerMaterialsCheck", AnswerMaterialsCheck.class);
        reviewCheck = bean("answerReviewCheck", AnswerReviewCheck.class);
        upheldReportCheck = bean("upheldReportCheck", UpheldReportCheck.class);
        upheldReportReadingCheck = bean("upheldReportReadingCheck", UpheldReportReadingCheck.class);
        deliveryCheck = bean("answerDeliveryCheck", AnswerDeliveryCheck.class);
        deadlineTasks = bean("deadlineTasks", DeadlineTasks.class);
        bean("reviewRounds", ReviewRounds.class);
    }

    /** Starts the stage with what {@code answerStage} sets at its start in the application. */
    private ProcessInstance start(boolean upheldReport, String... units) {
        when(answerStage.units(any())).thenReturn(List.of(units));
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", CASE);
        variables.put("leadUnit", units[0]);
        variables.put("answerReviewGroup", "justice-bureau");
        variables.put("answerDeadline", "statutoryAnswer");
        variables.put("upheldReport", upheldReport);
        return runtimeService().startProcessInstanceByKey("answer-preparation", CASE, variables);
    }

    private static List<Task> tasks(ProcessInstance instance, String activity) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list();
    }

    /** Completes every preparation task and continues their save points. */
    private void prepare(ProcessInstance instance, Map<String, Object> variables) {
        List<Task> preparations = tasks(instance, "PrepareAnswerTask");
        assertThat(preparations).isNotEmpty();
        preparations.forEach(task -> complete(task, variables));
        runJobs(instance);
    }

    private void assignCounsel(ProcessInstance instance) {
        complete(task("AssignCounselTask", instance));
        runJobs(instance);
    }

    private void sealAndDeliver(ProcessInstance instance) {
        assertThat(task("SealAndDeliverTask", instance)).hasCandidateGroup("district-office");
        complete(task("SealAndDeliverTask", instance));
        runJobs(instance);
    }

    @Test
    void counselAndOneUnitsAnswerMeetAtTheJoinOnceSealed() throws Exception {
        ProcessInstance instance = start(false, "natural-resources");

        assertThat(instance).hasBusinessKey(CASE).isWaitingAt("AssignCounselTask", "PrepareAnswerTask");
        verify(answerStage).notify(any());
        assertThat(task("AssignCounselTask", instance)).hasCandidateGroup("legal-counsel-office");
        verify(counselAssignment).offer(any());
        assertThat(task("PrepareAnswerTask", instance)).hasCandidateGroup("natural-resources");
        verify(answerStage).prefill(any());
        verify(answerStage).involveCounsel(any());
        verify(deadlineTasks, times(2)).apply(any(), eq("answerMaterials"));

        assignCounsel(instance);
        verify(counselAssignment).notify(any());
        assertThat(instance).hasPassed("AssignCounselTask").isWaitingAt("PrepareAnswerTask");

        prepare(instance, Map.of());
        verify(materialsCheck).notify(any());
        assertThat(instance).hasPassed("PretrialReviewGateway").hasNotPassed("PretrialReviewTask")
                .isWaitingAt("ReviewAnswerTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau");
        verify(deadlineTasks).apply(any(), eq("statutoryAnswer"));

        complete(task(instance), withVariables("reviewPassed", true));
        verify(reviewCheck).notify(any());
        assertThat(instance).hasPassed("UpheldReportGateway").hasNotPassed("WriteUpheldReportTask")
                .isWaitingAt("SealAndDeliverTask");

        sealAndDeliver(instance);
        verify(deliveryCheck).notify(any());
        assertThat(instance).hasPassed("AnswerJoinGateway", "AnswerDeliveredEndEvent").isEnded();
    }

    @Test
    void theJoinWaitsForCounselWhenTheAnswerIsDeliveredFirst() {
        ProcessInstance instance = start(false, "natural-resources");
        prepare(instance, Map.of());
        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", true));

        sealAndDeliver(instance);

        assertThat(instance).isWaitingAt("AssignCounselTask").isNotEnded();
        assignCounsel(instance);
        assertThat(instance).isEnded();
    }

    @Test
    void everyActingUnitPreparesItsOwnAnswer() {
        ProcessInstance instance = start(false, "natural-resources", "housing");

        List<Task> preparations = tasks(instance, "PrepareAnswerTask");
        assertThat(preparations).hasSize(2);
        assertThat(taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("housing")
                .taskDefinitionKey("PrepareAnswerTask").count()).isEqualTo(1);
        assertThat(taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("natural-resources")
                .taskDefinitionKey("PrepareAnswerTask").count()).isEqualTo(1);

        complete(preparations.get(0));
        runJobs(instance);
        assertThat(instance).isWaitingAt("PrepareAnswerTask").hasNotPassed("ReviewAnswerTask");
        complete(preparations.get(1));
        runJobs(instance);
        assertThat(instance).isWaitingAt("ReviewAnswerTask");
    }

    @Test
    void aRequestedPretrialReviewComesOnceBeforeTheReviewAndAReturnGoesBackToEveryUnit() {
        ProcessInstance instance = start(false, "natural-resources", "housing");
        prepare(instance, Map.of("pretrialReviewRequested", true));

        assertThat(instance).isWaitingAt("PretrialReviewTask");
        assertThat(task("PretrialReviewTask", instance)).hasCandidateGroup("justice-bureau");
        // The conclusions are required (RequiredFields on the task's end).
        assertThatThrownBy(() -> complete(task("PretrialReviewTask", instance)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("论证、研判意见为必填项");
        complete(task("PretrialReviewTask", instance), withVariables("pretrialConclusions", "证据充分，可以应诉"));
        assertThat(instance).variables().containsEntry("pretrialReviewDone", true);
        assertThat(instance).isWaitingAt("ReviewAnswerTask");

        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", false));
        assertThat(tasks(instance, "PrepareAnswerTask")).hasSize(2);
        assertThat(passes(instance, "PrepareAnswerMergeGateway")).isEqualTo(2);

        // Still requested, but already held: the second round goes straight to the review.
        prepare(instance, Map.of("pretrialReviewRequested", true));
        assertThat(instance).isWaitingAt("ReviewAnswerTask");
        assertThat(tasks(instance, "PretrialReviewTask")).isEmpty();
        // Once from the 庭前论证, once straight from the preparation: both through the merge before the review.
        assertThat(passes(instance, "ReviewAnswerMergeGateway")).isEqualTo(2);
        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", true));
        assertThat(instance).isWaitingAt("SealAndDeliverTask");
    }

    @Test
    void anUpheldCaseIsReportedInWritingAndTheLeaderMayReturnIt() throws Exception {
        ProcessInstance instance = start(true, "natural-resources");
        assignCounsel(instance);
        prepare(instance, Map.of());
        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", true));

        assertThat(instance).isWaitingAt("WriteUpheldReportTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));
        verify(upheldReportCheck).notify(any());
        assertThat(instance).isWaitingAt("ReadUpheldReportTask");
        assertThat(task(instance)).hasCandidateGroup("district-leaders");
        complete(task(instance), withVariables("upheldReportApproved", false));
        verify(upheldReportReadingCheck).notify(any());

        assertThat(instance).isWaitingAt("PrepareAnswerTask");
        assertThat(passes(instance, "PrepareAnswerMergeGateway")).isEqualTo(2);
        prepare(instance, Map.of());
        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", true));
        complete(task("WriteUpheldReportTask", instance));
        complete(task("ReadUpheldReportTask", instance), withVariables("upheldReportApproved", true));

        assertThat(instance).hasPassed("ReportReadGateway").isWaitingAt("SealAndDeliverTask");
        sealAndDeliver(instance);
        assertThat(instance).isEnded();
    }

    @Test
    void everyOverdueTaskIsEscalatedWhileItStaysOpen() throws Exception {
        ProcessInstance instance = start(true, "natural-resources");

        fireOverdueTimer(instance, "AssignCounselTask", "answerMaterials");
        fireReminderTimer(instance, "AssignCounselTask", "answerMaterials");
        fireOverdueTimer(instance, "PrepareAnswerTask", "answerMaterials");
        fireReminderTimer(instance, "PrepareAnswerTask", "answerMaterials");
        assertThat(instance).isWaitingAt("AssignCounselTask", "PrepareAnswerTask");
        assignCounsel(instance);
        prepare(instance, Map.of("pretrialReviewRequested", true));

        // The later tasks are due by the deadline the stage variable answerDeadline names.
        fireOverdueTimer(instance, "PretrialReviewTask", "statutoryAnswer");
        fireReminderTimer(instance, "PretrialReviewTask", "statutoryAnswer");
        complete(task("PretrialReviewTask", instance), withVariables("pretrialConclusions", "证据充分，可以应诉"));
        fireOverdueTimer(instance, "ReviewAnswerTask", "statutoryAnswer");
        fireReminderTimer(instance, "ReviewAnswerTask", "statutoryAnswer");
        complete(task("ReviewAnswerTask", instance), withVariables("reviewPassed", true));
        fireOverdueTimer(instance, "WriteUpheldReportTask", "statutoryAnswer");
        fireReminderTimer(instance, "WriteUpheldReportTask", "statutoryAnswer");
        complete(task("WriteUpheldReportTask", instance));
        fireOverdueTimer(instance, "ReadUpheldReportTask", "statutoryAnswer");
        fireReminderTimer(instance, "ReadUpheldReportTask", "statutoryAnswer");
        complete(task("ReadUpheldReportTask", instance), withVariables("upheldReportApproved", true));
        fireOverdueTimer(instance, "SealAndDeliverTask", "statutoryAnswer");
        fireReminderTimer(instance, "SealAndDeliverTask", "statutoryAnswer");
        sealAndDeliver(instance);

        assertThat(instance).hasPassed("AnswerDeliveredEndEvent").isEnded();
    }

    @Test
    void oneOverdueTimerOnTheMultiInstanceBodyServesEveryUnitsPreparation() throws Exception {
        ProcessInstance instance = start(false, "natural-resources", "housing");
        assertThat(tasks(instance, "PrepareAnswerTask")).hasSize(2);

        // One timer for the two units' tasks, on the scope of the whole multi-instance activity: the deadline is
        // asked for once by it and once by the counsel's task, not once per unit.
        Job timer = overdueTimer(instance, "PrepareAnswerTask");
        assertThat(runtimeService().getActivityInstance(instance.getId())
                .getActivityInstances("PrepareAnswerTask#multiInstanceBody")[0].getExecutionIds())
                .contains(timer.getExecutionId());
        verify(caseDeadlines, times(2)).overdueAt(any(), eq("answerMaterials"));

        fireOverdueTimer(instance, "PrepareAnswerTask", "answerMaterials");
        fireReminderTimer(instance, "PrepareAnswerTask", "answerMaterials");
        assertThat(tasks(instance, "PrepareAnswerTask")).hasSize(2);

        prepare(instance, Map.of());
        assertThat(instance).isWaitingAt("AssignCounselTask", "ReviewAnswerTask");
    }
}
