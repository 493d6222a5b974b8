package cn.shapotou.litigation.recommendations;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.records.ReviewRounds;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A judicial recommendation (Art. 17; process {@code judicial-recommendation}): it may come at any time, also after
 * the case was archived, so it is a process of its own under the case's number. The lead unit drafts the reply, the
 * district leaders approve it, the reply date is recorded. The regulation sets no period; where the court's letter
 * names a reply date ({@code replyDueOn}), the tasks are due then.
 */
@Component("judicialRecommendation")
public class JudicialRecommendationStage extends FormStage {

    public static final String MESSAGE = "JudicialRecommendation";

    /** The reply's loop in {@link ReviewRounds}: the leaders' approvals of each draft reply. */
    public static final String LOOP = "reply";

    private final LegalClock clock;

    public JudicialRecommendationStage(LegalClock clock) {
        super("judicial-recommendation");
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("RecommendationReceivedStartEvent", execution -> {
                    Object lead = execution.getVariable("leadUnit");
                    // Before a lead unit is decided the Justice Bureau drafts (it coordinates all response work, Art. 3).
                    execution.setVariable("replyUnit", lead instanceof String s && !s.isBlank() ? s : UnitDirectory.JUSTICE_BUREAU);
                }),
                Map.entry("DraftReplyTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.text("recommendationReply", "回复意见", true, 8000);
                    form.done();
                }),
                Map.entry("ApproveReplyTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    Boolean approved = form.bool("replyApproved", "是否同意回复");
                    String remarks = form.text("replyApprovalRemarks", "审批意见", Boolean.FALSE.equals(approved), 4000);
                    form.done();
                    ReviewRounds.record(execution, LOOP, null, "区政府领导审批",
                            Boolean.TRUE.equals(approved) ? "同意回复" : "退回修改", !Boolean.TRUE.equals(approved), remarks,
                            FormValues.text(execution.getVariable("recommendationReply")));
                }),
                Map.entry("SendReplyTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.pastDate("repliedOn", "回复人民法院日期", clock.today(),
                            FormValues.storedDate(execution, "recommendationReceivedOn"), "收到司法建议书之日");
                    form.done();
                }));
    }

    /** Create listener: the court's reply date, where it named one. */
    public void due(DelegateTask task) {
        Object due = task.getVariable("replyDueOn");
        if (due instanceof String s && !s.isBlank()) {
            task.setDueDate(LegalClock.endOfDay(LocalDate.parse(s)));
            task.setVariableLocal("deadlineText", "人民法院司法建议书要求的回复日期：" + s);
        }
    }
}
