package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.decisions.LossAnalysisContract;
import cn.shapotou.litigation.deadlines.DeadlineTasks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history keeps what happened to the case once: the case's facts in litigation-case's history, not again in each
 * stage that only reads them; a task's deadline in its due date and the case's deadlines, not in the task's derived
 * variables; a timer by its firing, not by its creation and deletion with every task; a save point by its run, not by
 * its creation (src/docs/decisions.md 第 15 条).
 */
@IntegrationTest
class RedundantHistoryTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RedundantHistory redundant;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStageKeepsInItsHistoryWhatItDecidesAndNotTheCopiesOfTheCaseItOnlyReads() {
        TestCases.today("2026-12-01");
        CaseWalk walk = new CaseWalk(runtime, tasks);
        ProcessInstance theCase = walk.register(TestCases.natresCase());
        String caseNumber = theCase.getBusinessKey();
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        String intake = draft.getProcessInstanceId();
        // The stage has its copies at work: its forms show them.
        assertThat(runtime.getVariables(intake)).containsKeys(NoticeIntakeContract.GETS.toArray(String[]::new));
        assertThat(tasks.getVariablesLocal(draft.getId())).containsKeys(DeadlineTasks.KEY_VARIABLE,
                DeadlineTasks.TEXT_VARIABLE);

        walk.approveProposal(caseNumber);

        List<String> stageHistory = names(history.createHistoricVariableInstanceQuery().processInstanceId(intake).list());
        // What the stage decides stays in its history (the register reads who drafted and who approved).
        assertThat(stageHistory).contains("leadUnit", "coUnits", "complexity", "approvedOn");
        // The copies it only read are litigation-case's history, once.
        assertThat(stageHistory).doesNotContain("court", "plaintiff", "causeOfAction", "noticeReceivedOn", "suedAct",
                DeadlineTasks.KEY_VARIABLE, DeadlineTasks.TEXT_VARIABLE);
        assertThat(names(history.createHistoricVariableInstanceQuery().processInstanceId(theCase.getId()).list()))
                .contains("court", "plaintiff", "causeOfAction", "noticeReceivedOn", "suedAct");
        // A task's own decisions stay task history as before; only its derived deadline variables are left out.
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(draft.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .doesNotContain(DeadlineTasks.KEY_VARIABLE, DeadlineTasks.TEXT_VARIABLE);
        assertThat(history.createHistoricDetailQuery().processInstanceId(intake).variableUpdates().list())
                .noneMatch(d -> List.of("court", "plaintiff", DeadlineTasks.TEXT_VARIABLE).contains(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()));
    }

    @Test
    void aTimerLeavesHistoryWhenItFiresNotWhenItIsCreatedOrDeletedWithItsTask() {
        TestCases.today("2026-12-01");
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", "2026-10-20");
        CaseWalk walk = new CaseWalk(runtime, tasks);
        String caseNumber = walk.register(data).getBusinessKey();
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        List<Job> timers = management.createJobQuery().processInstanceId(draft.getProcessInstanceId()).timers().list();
        assertThat(timers).as("the task's 「期限届满」 and 「到期提醒」").hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(draft.getProcessInstanceId()).list())
                .as("no history for creating them").isEmpty();

        Job overdue = timers.stream().filter(j -> management.createJobDefinitionQuery()
                .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()
                .equals("DraftHandlingProposalTaskOverdueTimer")).findFirst().orElseThrow();
        management.executeJob(overdue.getId());
        assertThat(history.createHistoricJobLogQuery().jobId(overdue.getId()).successLog().count())
                .as("the firing is history").isEqualTo(1);

        walk.approveProposal(caseNumber);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(draft.getProcessInstanceId())
                .deletionLog().count()).as("nor for deleting them with the task").isZero();
    }

    @Test
    void aSavePointLeavesHistoryWhenItRunsNotWhenItIsCreated() {
        TestCases.today("2026-12-01");
        CaseWalk walk = new CaseWalk(runtime, tasks);
        String caseNumber = walk.register(TestCases.natresCase()).getBusinessKey();
        walk.approveProposal(caseNumber);
        Task assign = walk.task(caseNumber, "AssignCounselTask");
        String stage = assign.getProcessInstanceId();
        // 指派法律顾问 ends at a save point (camunda:asyncAfter); the tests' job executor continues it at once.
        tasks.complete(assign.getId(), Map.of("counsel", "counsel"));

        List<HistoricJobLog> savePoints = history.createHistoricJobLogQuery().processInstanceId(stage)
                .jobDefinitionType(AsyncContinuationJobHandler.TYPE).list();
        assertThat(savePoints).as("its run is history").isNotEmpty()
                .allMatch(HistoricJobLog::isSuccessLog, "a success log");
        assertThat(savePoints).extracting(HistoricJobLog::getActivityId).contains("AssignCounselTask");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(stage)
                .activityId("AssignCounselTask").finished().count()).as("the moment it was reached").isEqualTo(1);
    }

    @Test
    void aStageKeepsTheCopiesItsReportsReadAndEveryCopyItGivesBack() {
        assertThat(redundant.copies("loss-analysis")).contains("court", "plaintiff")
                .doesNotContainAnyElementsOf(LossAnalysisContract.KEPT_IN_HISTORY)
                .doesNotContainAnyElementsOf(LossAnalysisContract.GIVES_BACK);
        assertThat(redundant.copies("litigation-case")).as("the case's own facts").isEmpty();
        assertThat(redundant.copies("supervision")).isEmpty();
    }

    private static List<String> names(List<HistoricVariableInstance> variables) {
        return variables.stream().map(HistoricVariableInstance::getName).toList();
    }
}
