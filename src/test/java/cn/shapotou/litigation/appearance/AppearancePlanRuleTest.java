package cn.shapotou.litigation.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.appearance.Agent.AgentKind;
import cn.shapotou.litigation.appearance.Agent.Authority;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of Art. 7–8 with a plan that passes and one that is refused, citing the article. */
class AppearancePlanRuleTest {

    private static final AppearancePlanRule RULE = new AppearancePlanRule();

    private static Agent staff(String unit, boolean handler) {
        return new Agent("张工作", unit, "科员", AgentKind.STAFF, handler, Authority.GENERAL);
    }

    private static Agent lawyer(boolean handler) {
        return new Agent("李律师", null, "律师", AgentKind.LAWYER, handler, Authority.SPECIAL);
    }

    private static AppearancePlan head(List<Agent> agents) {
        return new AppearancePlan(true, "王局长", HeadPost.PRINCIPAL, null, agents);
    }

    private static AppearancePlan noHead(String explanation, List<Agent> agents) {
        return new AppearancePlan(false, null, null, explanation, agents);
    }

    private static List<String> check(AppearancePlan plan, boolean required, boolean upheld) {
        return RULE.check(plan, required, upheld, "natural-resources");
    }

    @Test
    void art7RequiredAppearance() {
        assertThat(check(head(List.of(staff("natural-resources", true))), true, false)).isEmpty();
        assertThat(check(new AppearancePlan(true, "赵副局长", HeadPost.DEPUTY, null, List.of()), true, false))
                .as("a deputy head counts, and may appear alone").isEmpty();
        assertThat(check(noHead("出差", List.of(staff("natural-resources", true))), true, false))
                .singleElement().asString().contains("第七条第二款");
    }

    @Test
    void art7TheHeadIsNamedWithThePost() {
        assertThat(check(new AppearancePlan(true, "", null, null, List.of()), false, false))
                .singleElement().asString().contains("正职或副职");
    }

    @Test
    void art8OneOrTwoAgentsBesideTheHead() {
        assertThat(check(head(List.of(staff("natural-resources", true), lawyer(false))), false, false)).isEmpty();
        assertThat(check(head(List.of(staff("natural-resources", true), lawyer(false), lawyer(false))), false, false))
                .singleElement().asString().contains("一至二名").contains("第八条第一款");
    }

    @Test
    void art8AnAbsentHeadExplainsInWritingAndAppointsStaff() {
        assertThat(check(noHead("另有公务", List.of(staff("natural-resources", true))), false, false)).isEmpty();
        assertThat(check(noHead(" ", List.of(staff("natural-resources", true))), false, false))
                .singleElement().asString().contains("书面情况说明");
        assertThat(check(noHead("另有公务", List.of()), false, false))
                .singleElement().asString().contains("至少一名行政机关工作人员");
    }

    @Test
    void art22OnlyLawyersIsRefused() {
        assertThat(check(noHead("另有公务", List.of(lawyer(true), lawyer(true))), false, false))
                .singleElement().asString().contains("不得只委托律师").contains("第二十二条");
        assertThat(check(noHead("另有公务", List.of(lawyer(false), staff("natural-resources", true))), false, false))
                .isEmpty();
    }

    @Test
    void art8UpheldCasesNeedAgentsFromTheActingUnitAndTheJusticeBureau() {
        assertThat(check(noHead("另有公务", List.of(staff("natural-resources", true), staff("justice-bureau", false))),
                false, true)).isEmpty();
        assertThat(check(noHead("另有公务", List.of(staff("natural-resources", true))), false, true))
                .singleElement().asString().contains("第八条第二款");
        assertThat(check(noHead("另有公务", List.of(staff("justice-bureau", true))), false, true))
                .singleElement().asString().contains("区司法局工作人员");
    }

    @Test
    void art8OneAgentHandledTheActOrKnowsTheBusiness() {
        assertThat(check(noHead("另有公务", List.of(staff("natural-resources", false))), false, false))
                .singleElement().asString().contains("第八条第三款");
        assertThat(check(head(List.of(staff("natural-resources", false), staff("natural-resources", true))),
                false, false)).isEmpty();
    }

    @Test
    void art6EachAgentHasNameKindAndAuthority() {
        Agent unnamed = new Agent(" ", "natural-resources", "科员", AgentKind.STAFF, true, null);
        assertThat(check(noHead("另有公务", List.of(unnamed)), false, false))
                .singleElement().asString().contains("第六条第三款");
    }
}
