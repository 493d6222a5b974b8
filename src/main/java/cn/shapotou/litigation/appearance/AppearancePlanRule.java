package cn.shapotou.litigation.appearance;

import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;

import cn.shapotou.litigation.appearance.Agent.AgentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Art. 7–8 and 法释〔2020〕3号 applied to an appearance plan: each broken rule is one Chinese message citing its article.
 * An empty list means the plan may go to court.
 */
public final class AppearancePlanRule {

    /**
     * @param headRequired      Art. 7 ¶2 applies to the case
     * @param upheldByDistrict  the district government's own reconsideration upheld the act (Art. 4 ¶4, Art. 8 ¶2)
     * @param leadUnit          the handling unit, whose staff must be among the agents in an upheld case
     */
    public List<String> check(AppearancePlan plan, boolean headRequired, boolean upheldByDistrict, String leadUnit) {
        List<String> refusals = new ArrayList<>();
        List<Agent> agents = plan.agents();
        if (plan.headAppears()) {
            if (plan.headName() == null || plan.headName().isBlank() || plan.headPost() == null) {
                refusals.add("出庭的行政机关负责人须写明姓名及职务（正职或副职负责人，第七条第一款）");
            }
            if (agents.size() > 2) {
                refusals.add("行政机关负责人出庭应诉的，可以另行委托一至二名诉讼代理人，不能超过两名（第八条第一款）");
            }
        } else {
            if (headRequired) {
                refusals.add("本案属于第七条第二款所列情形，行政机关负责人非因正当理由不得拒绝出庭应诉，须安排正职或副职负责人出庭（第七条第二款）");
            }
            if (plan.absenceExplanation() == null || plan.absenceExplanation().isBlank()) {
                refusals.add("行政机关负责人不能出庭应诉的，应当向人民法院提交书面情况说明（第八条第一款）");
            }
            if (agents.stream().noneMatch(a -> a.kind() == AgentKind.STAFF)) {
                refusals.add("行政机关负责人不能出庭应诉的，应当委托至少一名行政机关工作人员作为诉讼代理人，不得只委托律师出庭（第八条第一款、第二十二条第（三）项）");
            }
        }
        if (upheldByDistrict) {
            boolean fromLead = agents.stream().anyMatch(a -> a.kind() == AgentKind.STAFF && leadUnit != null
                    && leadUnit.equals(a.unit()));
            boolean fromJustice = agents.stream().anyMatch(a -> a.kind() == AgentKind.STAFF
                    && JUSTICE_BUREAU.equals(a.unit()));
            if (!fromLead || !fromJustice) {
                refusals.add("经区人民政府本级复议维持的案件，应当委托原行政行为主管（作出）单位工作人员和区司法局工作人员作为诉讼代理人（第八条第二款）");
            }
        }
        if (!agents.isEmpty() && agents.stream().noneMatch(Agent::handlerOfAct)) {
            refusals.add("诉讼代理人中至少有一名是被诉行政行为的承办人或者熟悉相关业务的工作人员（第八条第三款）");
        }
        for (Agent agent : agents) {
            if (agent.name() == null || agent.name().isBlank() || agent.kind() == null || agent.authority() == null) {
                refusals.add("每名诉讼代理人须写明姓名、身份（工作人员或律师）和代理权限（第六条第三款）");
                break;
            }
        }
        return refusals;
    }
}
