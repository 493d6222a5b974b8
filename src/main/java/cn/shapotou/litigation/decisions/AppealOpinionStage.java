package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormStage;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The appeal opinion (Art. 13; process {@code appeal-opinion}): the lead unit's opinion within 5 days of receiving a
 * first-instance judgment or ruling, the Justice Bureau's review and proposal, the district leaders' decision, and the
 * filing within the statutory appeal period (ALL Art. 85: 15 days for a judgment, 10 for a ruling, from service).
 * Start listener of the stage and end listener of each of its tasks.
 */
@Component("appealOpinionStage")
public class AppealOpinionStage extends FormStage {

    private final Deadlines deadlines;
    private final LegalClock clock;

    public AppealOpinionStage(Deadlines deadlines, LegalClock clock) {
        super("appeal-opinion");
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.ofEntries(
                Map.entry("DecisionReceivedStartEvent", execution -> start(execution)),
                Map.entry("DraftAppealOpinionTask", execution -> draft(execution)),
                Map.entry("ReviewAppealOpinionTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.bool("appealRecommended", "区司法局是否建议上诉");
                    form.text("appealReviewOpinion", "审核意见", true, 4000);
                    form.done();
                }),
                Map.entry("DecideAppealTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    form.bool("appealApproved", "是否同意上诉");
                    form.text("appealDecisionRemarks", "决定意见", false, 4000);
                    form.done();
                }),
                Map.entry("FileAppealTask", execution -> {
                    FormCheck form = new FormCheck(execution);
                    LocalDate received = FormValues.storedDate(execution, "decisionReceivedOn");
                    LocalDate filed = form.pastDate("appealFiledOn", "提起上诉日期", clock.today(), received, "收到裁判文书之日");
                    form.done();
                    LocalDate due = CaseDeadlineVariable.dueDate(execution,
                            (String) execution.getVariable("appealDeadlineKey")).orElseThrow();
                    execution.setVariable("appealFiledLate", filed.isAfter(due));
                }));
    }

    /**
     * The unit's opinion. One that wants an appeal is due within 5 days of receiving the decision (Art. 13 ¶1): sent
     * later, it is an accountability fact (Art. 22 (6)), recorded on the day it was sent and naming who sent it.
     */
    private void draft(DelegateExecution execution) {
        FormCheck form = new FormCheck(execution);
        Boolean wanted = form.bool("appealWanted", "是否上诉");
        form.text("appealOpinion", "上诉意见（理由）", Boolean.TRUE.equals(wanted), 8000);
        form.done();
        LocalDate today = clock.today();
        execution.setVariable("appealOpinionSubmittedOn", today.toString());
        LocalDate due = CaseDeadlineVariable.dueDate(execution, DeadlineKind.APPEAL_OPINION.key()).orElseThrow();
        boolean late = Boolean.TRUE.equals(wanted) && today.isAfter(due);
        execution.setVariable("appealOpinionLate", late);
        if (late) {
            AccountabilityFacts.record(execution, AccountabilityFact.APPEAL_OPINION_LATE,
                    "上诉意见应于 " + due + " 前报送区司法局，实际于 " + today + " 报送",
                    new AccountabilityFacts.Persons(null, Submitter.of(execution)));
        }
    }

    /** The two deadlines count from the day the decision was received (served). */
    private void start(DelegateExecution execution) {
        LocalDate received = FormValues.storedDate(execution, "decisionReceivedOn");
        DeadlineKind appeal = "RULING".equals(execution.getVariable("decisionKind"))
                ? DeadlineKind.APPEAL_RULING : DeadlineKind.APPEAL_JUDGMENT;
        List<Map<String, Object>> list = CaseDeadlineVariable.read(execution);
        for (CaseDeadline deadline : List.of(deadlines.compute(DeadlineKind.APPEAL_OPINION, received),
                deadlines.compute(appeal, received))) {
            list = CaseDeadlineVariable.put(list, deadline);
        }
        CaseDeadlineVariable.write(execution, list);
        execution.setVariable("appealDeadlineKey", appeal.key());
        execution.setVariable("appealWanted", null);
        execution.setVariable("appealApproved", null);
    }
}
