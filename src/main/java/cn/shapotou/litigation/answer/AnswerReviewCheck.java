package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.web.FormValues;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.units.UnitDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 审核答辩材料 (Art. 10 ¶2): the Justice Bureau passes the materials or returns them with remarks;
 * every review stays on the case's record ({@code answerReviews}), and a return opens the next round.
 */
@Component("answerReviewCheck")
public class AnswerReviewCheck implements ExecutionListener {

    /** The answer's loop in {@link ReviewRounds}: this review and the leaders' reading of an upheld case's report. */
    public static final String LOOP = "answer";

    private final LegalClock clock;

    public AnswerReviewCheck(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Boolean passed = FormValues.bool(execution.getVariable("reviewPassed"));
        if (passed == null) {
            throw FormRefusal.of(List.of(new FieldError("reviewPassed", "审核结果须选择通过或退回")));
        }
        String remarks = FormValues.text(execution.getVariable("reviewRemarks"));
        if (!passed && remarks == null) {
            throw FormRefusal.of(List.of(new FieldError("reviewRemarks",
                    "退回答辩材料时须填写审核意见")));
        }
        EngineCaller user = EngineCaller.current(execution.getProcessEngineServices().getIdentityService());
        String reviewer = user == null ? null : user.userId();
        if (reviewer != null && drafters(execution).contains(reviewer)) {
            throw FormRefusal.of(List.of(new FieldError("reviewPassed", "审核结果不能由答辩材料的起草人本人作出："
                    + "您起草了本案的答辩材料，请由本单位其他工作人员或区政府领导审核（第十条第二款）")));
        }
        Object previous = FormValues.json(execution.getVariable("answerReviews"));
        List<Object> reviews = previous instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("round", execution.getVariable("answerRound"));
        review.put("passed", passed);
        review.put("remarks", remarks);
        review.put("reviewedOn", clock.today().toString());
        review.put("reviewer", user == null ? null : user.userId());
        reviews.add(review);
        ReviewRounds.record(execution, LOOP, execution.getVariable("answerRound"),
                UnitDirectory.DISTRICT_LEADERS.equals(execution.getVariable(AnswerStage.REVIEW_GROUP))
                        ? "区政府领导审核答辩材料" : "区司法局审核答辩材料",
                passed ? "通过" : "退回修改", !passed, remarks, FormValues.text(execution.getVariable("answerSummary")));
        execution.setVariable("answerReviews", FormValues.toJson(reviews));
        execution.setVariable("reviewPassed", passed);
        if (!passed) {
            execution.setVariable("answerRound", ((Number) execution.getVariable("answerRound")).intValue() + 1);
        }
    }

    /**
     * Who drafted the answer materials of this stage, every part and round: as each submission recorded itself and as
     * the history of 准备答辩材料 shows (whoever had claimed a part). 第十条第二款's review is a second person's check;
     * where the Justice Bureau drafted a part (第四条第四款) another of its officers reviews, see
     * {@link AnswerStage#reviewGroup}.
     */
    static Set<String> drafters(DelegateExecution execution) {
        Set<String> drafters = new HashSet<>();
        AnswerStage.materials(execution).values().forEach(m -> {
            if (m.get("submittedBy") instanceof String user) {
                drafters.add(user);
            }
        });
        // The reviewer need not be allowed to read the stage's history (the district leaders are not).
        EngineCommand.withoutAuthorization(() -> execution.getProcessEngineServices()
                .getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("PrepareAnswerTask").finished().list()).forEach(t -> {
                    if (t.getAssignee() != null) {
                        drafters.add(t.getAssignee());
                    }
                });
        return drafters;
    }
}
