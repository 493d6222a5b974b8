package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 败诉分析报告 ({@code loss-analysis}, 第十二条, 第二十二条): gets the case and the effective decision, gives back the
 * report, the leaders' instructions and the fault found.
 */
@Component("lossAnalysisContract")
public class LossAnalysisContract extends StageContract {

    /** Beyond the case and the deadlines: the counsel, the documents, the decision, its effect and its result. */
    public static final List<String> GETS = names(CaseFacts.CASE,
            List.of(CaseFacts.DEADLINES, "counsel", "counselName", "caseDocumentsUrl"), CaseFacts.DECISION,
            List.of("effectiveOn", "decisionResult"));

    /** The deadlines, the report and what was found about fault. */
    public static final List<String> GIVES_BACK = List.of(CaseFacts.DEADLINES, "lossFacts", "lossDecision",
            "lossSuggestions", "lossOtherMatters", "compensationAmount", "faultSuspected", "lossAnalysisSubmittedOn",
            "lossAnalysisLate", "lossAnalysisInstructions", "faultFound", "faultReasons", "faultSupervisor",
            "faultDirectlyResponsible", "lossAnalysisSubmittedBy");

    /** The day the decision took effect: the annual report counts the 15 days of 第十二条 from the stage's own copy. */
    public static final List<String> KEPT_IN_HISTORY = List.of("effectiveOn");

    public LossAnalysisContract() {
        super("loss-analysis", GETS, GIVES_BACK, KEPT_IN_HISTORY);
    }
}
