package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 申请再审 ({@code retrial}, 第十五条): gets the case and the effective decision, gives back the reasons, the approval
 * and the date the application was filed (which takes the case to the retrial).
 */
@Component("retrialContract")
public class RetrialContract extends StageContract {

    /** Beyond the case and the deadlines: the counsel, the documents, the decision and its effect. */
    public static final List<String> GETS = names(CaseFacts.CASE,
            List.of(CaseFacts.DEADLINES, "counsel", "counselName", "caseDocumentsUrl"), CaseFacts.DECISION,
            List.of("effectiveOn"));

    /** The deadlines and what the stage decided. */
    public static final List<String> GIVES_BACK = List.of(CaseFacts.DEADLINES, "retrialReasons", "retrialApproved",
            "retrialApprovalRemarks", "retrialFiledOn");

    public RetrialContract() {
        super("retrial", GETS, GIVES_BACK);
    }
}
