package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 登记与办理建议 ({@code notice-intake}, 第四条, 第十条第一款): gets the registered case and what 确定应诉事务承办单位
 * found, gives back the units, the handling proposal and its approval.
 */
@Component("noticeIntakeContract")
public class NoticeIntakeContract extends StageContract {

    /** Beyond the case, the suit and the deadlines: whether the head must appear as found at registration (第七条). */
    public static final List<String> GETS = names(CaseFacts.CASE, CaseFacts.SUIT,
            List.of("headAppearanceRequired", CaseFacts.DEADLINES));

    /** The units as the leaders approved them (第四条) and the approved handling proposal (第十条第一款). */
    public static final List<String> GIVES_BACK = List.of("leadUnit", "leadUnitName", "coUnits", "complexity",
            "proposedAppearance", "proposalNotes", "approvalRemarks", "approvedOn");

    public NoticeIntakeContract() {
        super("notice-intake", GETS, GIVES_BACK);
    }
}
