package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 答辩准备 ({@code answer-preparation}, 第五条, 第六条, 第十条, 第十一条), in every instance of the case: gets the case,
 * the approved handling proposal and where this instance's answer period starts; gives back the answer materials,
 * their reviews and delivery, the counsel and the pretrial review.
 */
@Component("answerPreparationContract")
public class AnswerPreparationContract extends StageContract {

    /** Beyond the case, the suit and the deadlines: the proposal, the case's documents and this instance's start. */
    public static final List<String> GETS = names(CaseFacts.CASE, CaseFacts.SUIT,
            List.of("headAppearanceRequired", CaseFacts.DEADLINES, "complexity", "proposedAppearance", "approvedOn",
                    "caseDocumentsUrl", "courtInstance", "answerStartsOn"));

    /** The deadlines (the answer's are closed here) and what the stage decided. */
    public static final List<String> GIVES_BACK = List.of(CaseFacts.DEADLINES, "answerMaterials", "answerReviews",
            "answerDeliveredOn", "answerDeliveredLate", "counsel", "counselName", "pretrialConclusions");

    public AnswerPreparationContract() {
        super("answer-preparation", GETS, GIVES_BACK);
    }
}
