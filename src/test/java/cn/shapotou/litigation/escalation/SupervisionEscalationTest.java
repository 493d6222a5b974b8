package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.identity.TasklistFilters;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sweep and process {@code supervision} together (《办法》第三条): each overdue item gets exactly one 督办 instance
 * with its variables, which ends by itself when the item is done; later sweeps start no second one; the Justice
 * Bureau's filter 「督办：全部逾期」 lists the 督办 tasks; the 督办 tasks of the earlier version are replaced at start-up.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
class SupervisionEscalationTest {

    @Autowired
    DeadlineWatch watch;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    SupervisionRegister register;
    @Autowired
    SupervisionUpgrade upgrade;

    private List<ProcessInstance> supervisions(String caseNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).list();
    }

    private List<HistoricProcessInstance> ended(String caseNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).finished().list();
    }

    private List<Task> inSupervisionFilter() {
        Filter filter = filters.createFilterQuery().filterName(TasklistFilters.SUPERVISION_OVERDUE).singleResult();
        identity.setAuthentication("justice", List.of("justice-bureau"));
        try {
            return filters.list(filter.getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void anOverdueItemStartsOneSupervisionThatEndsWhenTheItemIsDone() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");

        // 2026-11-20 + 15 days = Monday 2026-12-07: the proposal and the statutory answer are overdue on 12-10.
        TestCases.today("2026-12-10");
        watch.sweep();
        List<ProcessInstance> started = supervisions(caseNumber);
        assertThat(started).as("one 督办 an item").hasSize(2);
        ProcessInstance proposal = started.stream()
                .filter(p -> ("task:" + draft.getId()).equals(runtime.getVariable(p.getId(), "supervisedItem")))
                .findFirst().orElseThrow();
        assertThat(runtime.getVariables(proposal.getId())).containsEntry("caseNumber", caseNumber)
                .containsEntry("unit", "justice-bureau").containsEntry("due", "2026-12-07")
                .containsEntry("daysOverdue", 3L).containsEntry("item", "拟定办理建议");
        assertThat(register.taskOf("task:" + draft.getId())).contains(proposal.getId());

        // The incident names who and what first, for Cockpit's narrow column.
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE)
                .configuration("task:" + draft.getId()).singleResult().getIncidentMessage())
                .startsWith(caseNumber + "｜拟定办理建议｜区司法局｜逾期3日（期限2026-12-07");
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list())
                .extracting(Incident::getIncidentMessage).filteredOn(m -> String.valueOf(m).startsWith(caseNumber))
                .anySatisfy(m -> assertThat(m).startsWith(caseNumber + "｜法定答辩期限"));

        List<Task> issue = SupervisionTasks.of(engine, caseNumber, "justice-bureau");
        assertThat(issue).hasSize(2).allSatisfy(t -> assertThat(t.getName()).isEqualTo("发出督办"));
        assertThat(inSupervisionFilter()).as("「督办：全部逾期」 lists the 督办 tasks")
                .extracting(Task::getId).containsAll(issue.stream().map(Task::getId).toList());

        TestCases.today("2026-12-11");
        watch.sweep();
        watch.sweep();
        assertThat(supervisions(caseNumber)).as("no second 督办 for an item").hasSize(2);

        walk.approveProposal(caseNumber);
        assertThat(supervisions(caseNumber)).as("the proposal's 督办 ended with it").hasSize(1)
                .noneMatch(p -> p.getId().equals(proposal.getId()));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(proposal.getId())
                .activityId("ItemDoneEndEvent").count()).isEqualTo(1);
        String answer = supervisions(caseNumber).get(0).getId();
        assertThat(runtime.getVariable(answer, "supervisedItem")).asString().endsWith(":statutoryAnswer");
        watch.sweep();
        // the tasks after approval are due by the statutory answer day already passed: a 督办 each, one each
        assertThat(supervisions(caseNumber)).extracting(p -> runtime.getVariable(p.getId(), "supervisedItem"))
                .doesNotHaveDuplicates().doesNotContain("task:" + draft.getId());

        walk.deliverAnswer(caseNumber, "2026-12-11");
        assertThat(supervisions(caseNumber)).noneMatch(p -> p.getId().equals(answer));
        assertThat(ended(caseNumber)).extracting(HistoricProcessInstance::getId).contains(proposal.getId(), answer);
        watch.sweep();
        assertThat(supervisions(caseNumber)).as("a delivered answer is not supervised again")
                .noneMatch(p -> String.valueOf(runtime.getVariable(p.getId(), "supervisedItem"))
                        .endsWith(":statutoryAnswer"));
    }

    @Test
    void aSupervisionClosedByTheJusticeBureauIsNotStartedAgainWhileTheItemStaysOverdue() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        TestCases.today("2026-12-10");
        watch.sweep();
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        ProcessInstance proposal = supervisions(caseNumber).stream()
                .filter(p -> ("task:" + draft.getId()).equals(runtime.getVariable(p.getId(), "supervisedItem")))
                .findFirst().orElseThrow();
        SupervisionTasks.of(engine, caseNumber, "justice-bureau");
        identity.setAuthentication("justice", List.of("justice-bureau"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId(),
                Map.of("supervisionMethod", "PHONE", "supervisionRemarks", "电话督促"));
        identity.setAuthentication("justice", List.of("justice-bureau"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId(),
                Map.of("delayReason", "待补充材料", "expectedCompletionOn", "2026-12-11"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId(),
                Map.of("reviewDecision", "CLOSE"));
        identity.clearAuthentication();
        assertThat(ended(caseNumber)).extracting(HistoricProcessInstance::getId).contains(proposal.getId());

        watch.sweep();
        assertThat(supervisions(caseNumber)).as("only the statutory answer's").hasSize(1);
        walk.approveProposal(caseNumber);
        assertThat(register.taskOf("task:" + draft.getId())).isEmpty();
    }

    @Test
    void aStandalone督办TaskOfTheEarlierVersionIsReplacedAtStartUpOnce() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        TestCases.today("2026-12-10");
        String stillOverdue = legacyTask("task:" + draft.getId(), caseNumber);
        String doneMeanwhile = legacyTask("task:gone-" + draft.getId(), caseNumber);

        assertThat(upgrade.upgrade()).isEqualTo(2);
        assertThat(tasks.createTaskQuery().taskIdIn(stillOverdue, doneMeanwhile).count()).as("both closed").isZero();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(stillOverdue).singleResult().getEndTime())
                .isNotNull();
        assertThat(tasks.getTaskComments(stillOverdue)).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).contains("督办已转为督办流程办理"));
        ProcessInstance replaced = supervisions(caseNumber).stream()
                .filter(p -> ("task:" + draft.getId()).equals(runtime.getVariable(p.getId(), "supervisedItem")))
                .findFirst().orElseThrow();
        assertThat(register.taskOf("task:" + draft.getId())).contains(replaced.getId());
        assertThat(register.taskOf("task:gone-" + draft.getId())).isEmpty();

        assertThat(upgrade.upgrade()).as("idempotent").isZero();
        watch.sweep();
        assertThat(supervisions(caseNumber)).filteredOn(p -> ("task:" + draft.getId())
                .equals(runtime.getVariable(p.getId(), "supervisedItem"))).as("not a second 督办").hasSize(1);

        walk.approveProposal(caseNumber);
        assertThat(supervisions(caseNumber)).noneMatch(p -> p.getId().equals(replaced.getId()));
        walk.deliverAnswer(caseNumber, "2026-12-10");
    }

    /** A 督办 task as the earlier version raised it: standalone, for the Justice Bureau, marked by its item. */
    private String legacyTask(String itemKey, String caseNumber) {
        Task notice = tasks.newTask();
        notice.setName("督办：拟定办理建议逾期 " + caseNumber);
        tasks.saveTask(notice);
        tasks.addCandidateGroup(notice.getId(), "justice-bureau");
        tasks.setVariablesLocal(notice.getId(), Map.of(DeadlineWatch.SUPERVISES, itemKey, "caseNumber", caseNumber));
        register.add(itemKey, notice.getId(), caseNumber);
        return notice.getId();
    }
}
