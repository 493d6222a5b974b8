package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 出庭应诉 ({@code court-appearance}, 第七条至第九条), started by each hearing notice: gets the case, the proposal, the
 * counsel and answer materials and the hearings so far; gives back the hearings and who appeared. Whether the head
 * must appear is not copied but worked out for this hearing by the call activity's own
 * {@code camunda:in sourceExpression} ({@code courtDecision.headAppearanceRequired}).
 */
@Component("courtAppearanceContract")
public class CourtAppearanceContract extends StageContract {

    /** Beyond the case, the suit and the deadlines: the proposal, the answer side and the hearings so far. */
    public static final List<String> GETS = names(CaseFacts.CASE, CaseFacts.SUIT,
            List.of(CaseFacts.DEADLINES, "complexity", "proposedAppearance", "caseDocumentsUrl", "counsel",
                    "counselName", "answerMaterials", "hearingDate", "hearings", "courtInstance"));

    /** The hearings (dates, who appeared) and a major issue reported from the hearing (第九条第三款). */
    public static final List<String> GIVES_BACK = List.of("hearingDate", "hearings", "hearingHeldOn", "headAppeared",
            "headAppears", "majorIssue", "majorIssueReport", "majorIssueInstructions");

    public CourtAppearanceContract() {
        super("court-appearance", GETS, GIVES_BACK);
    }
}
