package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 上诉意见 ({@code appeal-opinion}, 第十三条): gets the case and the first-instance decision, gives back the opinion,
 * the review, the leaders' decision and the appeal filed (行政诉讼法第八十五条).
 */
@Component("appealOpinionContract")
public class AppealOpinionContract extends StageContract {

    /** Beyond the case and the deadlines: the counsel, the case's documents and the decision. */
    public static final List<String> GETS = names(CaseFacts.CASE,
            List.of(CaseFacts.DEADLINES, "counsel", "counselName", "caseDocumentsUrl"), CaseFacts.DECISION);

    /** The deadlines and what the stage decided; {@code appealDeadlineKey} names the appeal period's deadline. */
    public static final List<String> GIVES_BACK = List.of(CaseFacts.DEADLINES, "appealDeadlineKey", "appealWanted",
            "appealOpinion", "appealRecommended", "appealReviewOpinion", "appealApproved", "appealDecisionRemarks",
            "appealFiledOn", "appealFiledLate", "appealOpinionSubmittedOn", "appealOpinionLate");

    /** The day the decision was received: the annual report counts the opinion's 5 days from the stage's own copy. */
    public static final List<String> KEPT_IN_HISTORY = List.of("decisionReceivedOn");

    public AppealOpinionContract() {
        super("appeal-opinion", GETS, GIVES_BACK, KEPT_IN_HISTORY);
    }
}
