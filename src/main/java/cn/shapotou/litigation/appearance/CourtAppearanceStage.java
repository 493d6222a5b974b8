package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.answer.AgentFields;
import cn.shapotou.litigation.answer.AnswerMaterials;
import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The hearing (Art. 7–9): the appearance plan is due the day before the hearing (the head's identity proof reaches
 * the court before the hearing, 法释〔2020〕3号 Art. 6), the appearance on the hearing day. A hearing date is fixed by
 * the court, not a legal period, so it is never moved over rest days.
 */
@Component("courtAppearanceStage")
public class CourtAppearanceStage implements ExecutionListener {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseAccess access;
    private final UnitDirectory units;

    public CourtAppearanceStage(CaseAccess access, UnitDirectory units) {
        this.access = access;
        this.units = units;
    }

    /** Start listener of court-appearance. */
    @Override
    public void notify(DelegateExecution execution) {
        // A hearing noticed before the handling unit is settled (Art. 4 last ¶) is prepared by the Justice Bureau, which
        // coordinates the case until then (Art. 3); the appearance cannot wait for the proposal's approval.
        if (execution.getVariable("leadUnit") == null) {
            execution.setVariable("leadUnit", UnitDirectory.JUSTICE_BUREAU);
        }
        access.grantToParticipants(execution);
    }

    /**
     * Create listener: {@code plan} and {@code approval} are due the day before the hearing, {@code attend} on the
     * hearing day.
     */
    public void due(DelegateTask task, String which) {
        LocalDate hearing = FormValues.storedDate(task, "hearingDate");
        task.setDueDate(LegalClock.endOfDay(dueDate(which, hearing)));
        task.setVariableLocal("deadlineText", deadlineText(which, hearing));
    }

    /** The day a task of the stage is due; also when the court moves the hearing ({@link HearingRescheduling}). */
    static LocalDate dueDate(String which, LocalDate hearing) {
        return "attend".equals(which) ? hearing : hearing.minusDays(1);
    }

    static String deadlineText(String which, LocalDate hearing) {
        String what = switch (which) {
            case "plan" -> "出庭人员须在开庭前确定，以便向法院提交负责人身份证明";
            case "approval" -> "负责人不能出庭的理由须在开庭前审批，以便向人民法院提交书面情况说明（第八条第一款）";
            default -> "按人民法院通知准时出庭（第九条第一款）";
        };
        return what + "：开庭日期" + CHINESE_DATE.format(hearing) + "，期限至"
                + CHINESE_DATE.format(dueDate(which, hearing)) + "24时止。";
    }

    /**
     * Create listener of 确定出庭人员: the agents of the power of attorney, from every unit's answer materials, are
     * offered as the plan's starting point, unless a plan exists already (after a postponement). The head is one of
     * the defendant agency itself (第七条第一款；法释〔2020〕3号第二条), so the head's agency is the defendant's.
     */
    public void prefill(DelegateTask task) {
        String defendant = AppearancePlanCheck.defendant(task.getExecution());
        task.getExecution().getProcessInstance().setVariable("headUnit", defendant);
        task.getExecution().getProcessInstance().setVariable("headUnitName", units.nameOf(defendant));
        if (task.getVariable("agent1Name") != null) {
            return;
        }
        List<Map<String, Object>> agents = AnswerMaterials.allAgents(
                AnswerMaterials.parse(task.getVariable(AnswerMaterials.VARIABLE)));
        // The plan is the stage's, kept across a postponement: the slots live on the stage instance.
        AgentFields.prefill(task.getExecution().getProcessInstance(), agents);
    }
}
