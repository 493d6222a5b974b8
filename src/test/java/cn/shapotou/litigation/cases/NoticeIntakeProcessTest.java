package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.casecore.CaseNumberTakenException;
import cn.shapotou.litigation.casecore.CaseRegistry;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code litigation-case} and {@code notice-intake} as far as they go today. */
@IntegrationTest
class NoticeIntakeProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    CaseRegistry registry;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    private ProcessInstance register(Map<String, Object> data) {
        return runtime.startProcessInstanceByKey("litigation-case", data);
    }

    private ProcessInstance intakeOf(ProcessInstance caseInstance) {
        return calledProcessInstance(caseInstance);
    }

    @Test
    void aNotReconsideredCaseGoesToTheJusticeBureauWithTheActingUnitProposed() {
        Map<String, Object> data = TestCases.natresCase();
        ProcessInstance instance = register(data);

        assertThat(instance).hasBusinessKey((String) data.get("caseNumber"))
                .hasPassed("NoticeReceivedStartEvent", "DetermineResponsibleUnitTask")
                .isWaitingAt("NoticeIntakeCallActivity")
                .variables().containsEntry("leadUnit", "natural-resources")
                .containsEntry("responsibilityBasis", "第四条第二款")
                .containsEntry("headAppearanceRequired", false);
        ProcessInstance intake = intakeOf(instance);
        assertThat(intake).hasBusinessKey((String) data.get("caseNumber")).isWaitingAt("DraftHandlingProposalTask");
        assertThat(task(intake)).hasCandidateGroup("justice-bureau").hasName("拟定办理建议");
        // ALL Art. 67: 15 days from 2026-11-20 end on Saturday 2026-12-05, moved to Monday 2026-12-07.
        assertThat(task(intake).getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        assertThat(registry.processInstanceId((String) data.get("caseNumber"))).contains(instance.getId());
    }

    @Test
    void anApprovedProposalReachesTheAnswerStageWithTheApprovedUnits() {
        ProcessInstance instance = register(TestCases.natresCase());
        ProcessInstance intake = intakeOf(instance);
        complete(task(intake), withVariables("complexity", "COMPLEX", "leadUnit", "natural-resources",
                "coUnits", List.of("housing"), "proposedAppearance", "局长出庭，委托一名工作人员"));

        assertThat(intake).isWaitingAt("ApproveHandlingProposalTask");
        assertThat(task(intake)).hasCandidateGroup("district-leaders").hasName("审批办理建议");
        assertThat(task(intake).getDueDate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 7)));
        complete(task(intake), withVariables("approved", "true"));

        assertThat(intake).hasPassed("ProposalApprovedGateway").isEnded().hasPassed("ProposalApprovedEndEvent");
        assertThat(instance).isWaitingAt("AnswerPreparationCallActivity").variables()
                .containsEntry("leadUnit", "natural-resources").containsEntry("complexity", "COMPLEX")
                .containsEntry("leadUnitName", "区自然资源局");
        assertThat(runtime.getVariable(instance.getId(), "coUnits").toString()).isEqualTo("[\"housing\"]");
        // The co-unit now has a part in the case and may read it.
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("housing")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId())
                .hasPermission(Permissions.READ).count()).isEqualTo(1);

    }

    @Test
    void aReturnedProposalGoesBackWithTheLeadersRemarksAndCanBeApprovedLater() {
        ProcessInstance instance = register(TestCases.natresCase());
        ProcessInstance intake = intakeOf(instance);
        complete(task(intake), withVariables("complexity", "NORMAL", "leadUnit", "natural-resources",
                "proposedAppearance", "委托工作人员出庭"));
        complete(task(intake), withVariables("approved", false, "approvalRemarks", "请补充负责人出庭安排"));

        assertThat(intake).hasPassed("ProposalApprovedGateway").isWaitingAt("DraftHandlingProposalTask")
                .variables().containsEntry("approvalRemarks", "请补充负责人出庭安排").containsEntry("approved", false);
        // Art. 10 ¶1: the returned proposal shows the leader's remarks and the proposal they were about.
        assertThat((String) tasks.getVariable(task(intake).getId(), "roundHistory"))
                .contains("第 1 轮", "退回修改", "请补充负责人出庭安排", "委托工作人员出庭", "一般案件");
        complete(task(intake), withVariables("complexity", "NORMAL", "leadUnit", "natural-resources",
                "proposedAppearance", "副局长出庭，委托一名工作人员"));
        assertThat((String) tasks.getVariable(task(intake).getId(), "roundHistory")).as("the leader's second reading")
                .contains("请补充负责人出庭安排", "委托工作人员出庭");
        complete(task(intake), withVariables("approved", true));
        assertThat(intake).isEnded();
        assertThat(instance).isWaitingAt("AnswerPreparationCallActivity");
    }

    @Test
    void aReturnWithoutRemarksIsRefusedAndTheTaskStays() {
        ProcessInstance instance = register(TestCases.natresCase());
        ProcessInstance intake = intakeOf(instance);
        complete(task(intake), withVariables("complexity", "NORMAL", "leadUnit", "natural-resources",
                "proposedAppearance", "委托工作人员出庭"));
        Task approval = task(intake);
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("approved", false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("审批意见");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("approved", "maybe")))
                .hasMessageContaining("审批结果");
        assertThat(intake).isWaitingAt("ApproveHandlingProposalTask");
    }

    @Test
    void aProposalWithoutAValidHandlingUnitIsRefused() {
        ProcessInstance intake = intakeOf(register(TestCases.natresCase()));
        Task draft = task(intake);
        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("complexity", "NORMAL",
                "leadUnit", "nowhere", "proposedAppearance", "x")))
                .hasMessageContaining("应诉事务承办单位须为单位目录中现存的部门或乡镇");
        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("complexity", "NORMAL",
                "leadUnit", "land-resources", "proposedAppearance", "x")))
                .as("an abolished unit cannot handle a new case").hasMessageContaining("现存");
        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("complexity", "HARD",
                "leadUnit", "housing", "coUnits", List.of("housing"), "proposedAppearance", "x")))
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("complexity")).hasMessageContaining("不应包含应诉事务承办单位本身");
        assertThat(intake).isWaitingAt("DraftHandlingProposalTask");
    }

    @Test
    void anUnclearCaseGetsItsHandlingUnitFromTheProposalAndTheApproval() {
        Map<String, Object> data = TestCases.natresCase();
        data.remove("actingUnit");
        data.put("appearanceCategories", List.of(1, 3));
        ProcessInstance instance = register(data);
        assertThat(instance).variables().containsEntry("responsibilityBasis", "第四条第六款")
                .containsEntry("headAppearanceRequired", true).containsEntry("leadUnitName", "（待确定）");
        assertThat(runtime.getVariable(instance.getId(), "leadUnit")).isNull();

        ProcessInstance intake = intakeOf(instance);
        complete(task(intake), withVariables("complexity", "NORMAL", "leadUnit", "wenchang-town",
                "proposedAppearance", "镇长出庭"));
        complete(task(intake), withVariables("approved", true));
        assertThat(instance).variables().containsEntry("leadUnit", "wenchang-town")
                .containsEntry("leadUnitName", "文昌镇人民政府");
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("wenchang-town")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId()).count()).isEqualTo(1);
    }

    @Test
    void aRefusedRegistrationLeavesNothingBehind() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", "2999-01-01");
        data.put("actingUnit", "nowhere");
        String caseNumber = (String) data.get("caseNumber");
        assertThatThrownBy(() -> register(data)).isInstanceOf(FormFieldValidationException.class)
                .satisfies(cn.shapotou.litigation.web.Refusals.naming("noticeReceivedOn")).satisfies(cn.shapotou.litigation.web.Refusals.naming("actingUnit"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(registry.exists(caseNumber)).isFalse();
    }

    @Test
    void aCaseNumberIsTakenOnlyOnce() {
        Map<String, Object> data = TestCases.natresCase();
        register(data);
        assertThatThrownBy(() -> register(data)).isInstanceOf(CaseNumberTakenException.class)
                .hasMessageContaining("已登记");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) data.get("caseNumber"))
                .processDefinitionKey("litigation-case").count()).isEqualTo(1);
    }
}
