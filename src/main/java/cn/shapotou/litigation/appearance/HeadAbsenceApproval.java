package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 审批负责人不能出庭的理由: the district leaders approve the reason why the head cannot appear, or return
 * the plan with their remarks.
 *
 * <p>Every absence is approved, not only those of 第七条第二款: the head's duty to appear is general (第七条第一款,
 * 行政诉讼法第三条第三款), every absence needs the written explanation to the court (第八条第一款), the court reviews the
 * reason and its proof, which bear the agency's seal (法释〔2020〕3号第九条), and an absence without a reason or with one
 * that fails is reported to the supervisory organs (同规定第十二条第（一）项). The district government, in whose name the
 * explanation goes out (第十条第二款), therefore vets every reason before it does.
 */
@Component("headAbsenceApprovalCheck")
public class HeadAbsenceApproval implements ExecutionListener {

    public static final String VARIABLE = "headAbsenceApproved";
    public static final String REMARKS = "headAbsenceApprovalRemarks";

    /** The plan's loop in {@link ReviewRounds}: the leaders' approvals of each reason given. */
    public static final String LOOP = "absence";

    private final LegalClock clock;

    public HeadAbsenceApproval(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Boolean approved = FormValues.bool(execution.getVariable(VARIABLE));
        if (approved == null) {
            throw FormRefusal.of(List.of(new FieldError(VARIABLE, "审批结果须选择同意或退回")));
        }
        String remarks = FormValues.text(execution.getVariable(REMARKS));
        if (!approved && remarks == null) {
            throw FormRefusal.of(List.of(new FieldError(REMARKS,
                    "退回出庭人员安排时须填写审批意见")));
        }
        execution.setVariable(VARIABLE, approved);
        ReviewRounds.record(execution, LOOP, null, "区政府领导审批负责人不能出庭的理由", approved ? "同意" : "退回修改",
                !approved, remarks, absence(execution));
        Map<String, Object> plan = AppearancePlanCheck.recorded(execution.getVariable(AppearancePlanCheck.VARIABLE));
        Map<String, Object> record = new LinkedHashMap<>(plan == null ? Map.of() : plan);
        record.put("absenceApproved", approved);
        record.put("absenceApprovedOn", approved ? clock.today().toString() : null);
        record.put("absenceApprovalRemarks", remarks);
        AppearancePlanCheck.store(execution, record);
        execution.setVariable("headPlanText", AppearancePlanCheck.headPlanText(new AppearancePlan(false,
                FormValues.text(execution.getVariable("headName")),
                AppearancePlan.HeadPost.parse(execution.getVariable("headPost")), null,
                AbsenceReason.parse(execution.getVariable("absenceReason")), null, List.of()), approved));
    }

    /** The reason as the leaders read it (the fields of 审批负责人不能出庭的理由). */
    private static String absence(DelegateExecution execution) {
        StringBuilder md = new StringBuilder();
        for (String[] field : new String[][] {{"headName", "不能出庭的负责人"}, {"absenceReasonLabel", "不能出庭的理由及依据"},
                {"absenceExplanation", "不能出庭的具体情况"}, {"planAgentsText", "委托出庭的诉讼代理人"}}) {
            String value = FormValues.text(execution.getVariable(field[0]));
            if (value != null) {
                md.append("- **").append(field[1]).append("：** ").append(value.replace("\n", " ")).append('\n');
            }
        }
        return md.toString();
    }
}
