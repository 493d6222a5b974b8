package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 申请强制执行 ({@code enforcement}, 第十六条): gets the case, the effective decision and the last day of performance,
 * gives back the proposal, its approval and the date the application was made.
 */
@Component("enforcementContract")
public class EnforcementContract extends StageContract {

    /** Beyond the case and the deadlines: the counsel, the documents, the decision, its effect and performance. */
    public static final List<String> GETS = names(CaseFacts.CASE,
            List.of(CaseFacts.DEADLINES, "counsel", "counselName", "caseDocumentsUrl"), CaseFacts.DECISION,
            List.of("effectiveOn", "performanceDeadline"));

    /** The deadlines and what the stage decided. */
    public static final List<String> GIVES_BACK = List.of(CaseFacts.DEADLINES, "nonPerformingParty",
            "enforcementProposal", "enforcementApproved", "enforcementApprovalRemarks", "enforcementAppliedOn");

    public EnforcementContract() {
        super("enforcement", GETS, GIVES_BACK);
    }
}
