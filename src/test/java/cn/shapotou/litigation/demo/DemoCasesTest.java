package cn.shapotou.litigation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.OverdueItems;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo cases stand at different stages, one of them overdue, and a second seeding adds nothing (README「运行」). */
@IntegrationTest
class DemoCasesTest {

    @Autowired
    DemoCases demo;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    OverdueItems overdue;
    @Autowired
    LegalClock clock;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    private String number(int n) {
        return "（" + clock.today().getYear() + "）宁0502行初" + n + "号";
    }

    private boolean waitsAt(int n, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number(n)).taskDefinitionKey(taskKey).count() > 0;
    }

    @Test
    void demoCasesStandAtEveryStageAndAreSeededOnce() {
        assertThat(demo.seed()).isEqualTo(14);
        assertThat(demo.seed()).as("idempotent").isZero();

        assertThat(waitsAt(101, "DraftHandlingProposalTask")).isTrue();
        assertThat(overdue.now()).anySatisfy(item -> assertThat(item.caseNumber()).isEqualTo(number(102)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(103))
                .processDefinitionKey("litigation-case").singleResult()).satisfies(p ->
                assertThat(runtime.getVariable(p.getId(), "responsibilityBasis")).isEqualTo("第四条第六款"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number(104)).taskDefinitionKey("PrepareAnswerTask")
                .count()).isEqualTo(2);
        assertThat(waitsAt(105, "PrepareAnswerTask")).isTrue();
        assertThat(waitsAt(106, "PlanAppearanceTask")).isTrue();
        assertThat(waitsAt(106, "ReviewFilingTask")).as("supplementary evidence awaits the Justice Bureau").isTrue();
        assertThat(waitsAt(107, "ReadMajorIssueReportTask")).as("the hearing's major issue awaits the leaders").isTrue();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(number(107)).activityId("DecisionReceivedEvent")
                .count()).isEqualTo(1);
        assertThat(waitsAt(108, "DraftAppealOpinionTask")).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(109))
                .processDefinitionKey("litigation-case").count()).as("archived").isZero();
        assertThat(waitsAt(109, "DraftReplyTask")).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(110))
                .processDefinitionKey("litigation-case").count()).as("archived").isZero();
        assertThat(waitsAt(111, "PrepareAnswerTask")).isTrue();
        for (int closed : new int[] {112, 113}) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(closed))
                    .processDefinitionKey("litigation-case").count()).as("archived").isZero();
        }
        assertThat(waitsAt(113, "DecideRecoveryTask")).as("the recovery of the compensation awaits the leaders").isTrue();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("training-record")
                .variableValueEquals("topic", "行政诉讼举证责任与证据规则").count())
                .as("the registers of Art. 20, 21, once").isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("hearing-observation")
                .variableValueEquals("caseTitle", "某公司诉区市场监督管理局行政处罚案").count())
                .isEqualTo(1);
    }
}
