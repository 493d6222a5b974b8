package cn.shapotou.litigation.appearance;

import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;

import cn.shapotou.litigation.answer.Agent.AgentKind;
import cn.shapotou.litigation.answer.Agent;
import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Art. 7–8, 法释〔2020〕3号 and ALL Art. 31 applied to an appearance plan: each broken rule is one Chinese message
 * naming its field and citing its article. An empty list means the plan may go ahead: to court where the head appears,
 * to the district leaders' approval of the reason where the head cannot appear.
 */
public final class AppearancePlanRule {

    /**
     * What the rules need to know of the case.
     *
     * @param headRequired      Art. 7 ¶2 applies to the case
     * @param upheldByDistrict  the district government's own reconsideration upheld the act (Art. 4 ¶4, Art. 8 ¶2)
     * @param leadUnit          the handling unit, whose staff must be among the agents in an upheld case
     * @param defendant         unit id of the defendant agency, whose own head appears (Art. 7 ¶1, Art. 25)
     * @param defendantName     its name as people read it
     */
    public record Circumstances(boolean headRequired, boolean upheldByDistrict, String leadUnit, String defendant,
                                String defendantName) {}

    public List<FieldError> check(AppearancePlan plan, Circumstances c) {
        List<FieldError> refusals = new ArrayList<>();
        List<Agent> agents = plan.agents();
        // 第七条第一款 and 法释〔2020〕3号第二条: the head is a 正职 or 副职 of the agency sued; the head of another unit,
        // of an entrusted organisation or of a subordinate agency cannot appear as the defendant's head.
        if (plan.headUnit() != null && !plan.headUnit().equals(c.defendant())) {
            refusals.add(new FieldError("headUnit", "负责人所在机关须为被诉行政机关" + c.defendantName()
                    + "本身：其他单位或下级机关的负责人不能作为被诉行政机关负责人出庭应诉（第七条第一款；"
                    + "法释〔2020〕3号第二条）"));
        }
        if (plan.headAppears()) {
            if (plan.headName() == null || plan.headName().isBlank() || plan.headPost() == null) {
                refusals.add(new FieldError("headName",
                        "出庭的行政机关负责人须写明姓名及职务（正职或副职负责人，第七条第一款）"));
            }
            if (agents.size() > 2) {
                refusals.add(new FieldError("agents",
                        "行政机关负责人出庭应诉的，可以另行委托一至二名诉讼代理人，不能超过两名（第八条第一款）"));
            }
        } else {
            if (plan.absenceReason() == null) {
                refusals.add(new FieldError("absenceReason", c.headRequired()
                        ? "本案属于第七条第二款所列情形，行政机关负责人非因正当理由不得拒绝出庭应诉：须安排正职或副职负责人"
                          + "出庭，或选择不能出庭的正当理由（法释〔2020〕3号第八条）报区人民政府领导批准（第七条第二款）"
                        : "行政机关负责人不能出庭应诉的，须选择不能出庭的理由（不可抗力、意外事件、需要履行他人"
                          + "不能代替的公务或其他正当事由，法释〔2020〕3号第八条），据以向人民法院提交书面情况说明（第八条第一款）"));
            } else if (plan.absenceReason() == AbsenceReason.OTHER
                    && (plan.absenceExplanation() == null || plan.absenceExplanation().isBlank())) {
                refusals.add(new FieldError("absenceExplanation",
                        "不能出庭的理由为“无法出庭的其他正当事由”的，须在书面情况说明中写明具体事由"
                        + "（第八条第一款；法释〔2020〕3号第八条第（四）项）"));
            }
            if (agents.stream().noneMatch(a -> a.kind() == AgentKind.STAFF)) {
                refusals.add(new FieldError("agents", "行政机关负责人不能出庭应诉的，应当委托至少一名行政机关工作人员作为"
                        + "诉讼代理人，不得只委托律师出庭（第八条第一款、第二十二条第（三）项）"));
            }
            // One party appoints one or two agents (行政诉讼法第三十一条第一款); the head's absence adds none.
            if (agents.size() > 2) {
                refusals.add(new FieldError("agents",
                        "当事人可以委托一至二人作为诉讼代理人，一次出庭的诉讼代理人不能超过两名（行政诉讼法第三十一条第一款）"));
            }
        }
        if (c.upheldByDistrict()) {
            boolean fromLead = agents.stream().anyMatch(a -> a.kind() == AgentKind.STAFF && c.leadUnit() != null
                    && c.leadUnit().equals(a.unit()));
            boolean fromJustice = agents.stream().anyMatch(a -> a.kind() == AgentKind.STAFF
                    && JUSTICE_BUREAU.equals(a.unit()));
            if (!fromLead || !fromJustice) {
                refusals.add(new FieldError("agents", "经区人民政府本级复议维持的案件，应当委托原行政行为主管（作出）单位"
                        + "工作人员和区司法局工作人员作为诉讼代理人（第八条第二款）"));
            }
        }
        if (!agents.isEmpty() && agents.stream().noneMatch(Agent::handlerOfAct)) {
            refusals.add(new FieldError("agents",
                    "诉讼代理人中至少有一名是被诉行政行为的承办人或者熟悉相关业务的工作人员（第八条第三款）"));
        }
        for (Agent agent : agents) {
            if (agent.name() == null || agent.name().isBlank() || agent.kind() == null || agent.authority() == null) {
                refusals.add(new FieldError("agents",
                        "每名诉讼代理人须写明姓名、身份（工作人员或律师）和代理权限（第六条第三款）"));
                break;
            }
        }
        return refusals;
    }
}
