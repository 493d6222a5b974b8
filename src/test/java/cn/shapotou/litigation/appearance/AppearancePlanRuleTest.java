package cn.shapotou.litigation.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.answer.Agent.AgentKind;
import cn.shapotou.litigation.answer.Agent.Authority;
import cn.shapotou.litigation.answer.Agent;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
import cn.shapotou.litigation.web.FieldError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Art. 7–8, 法释〔2020〕3号第二条、第八条 and 行政诉讼法第三十一条 as a table: each row is a plan read from the article's
 * words, with the field and the citation of the refusal, or none where the plan passes.
 */
class AppearancePlanRuleTest {

    private static final String DEFENDANT = "district-government";

    private static final Agent STAFF = new Agent("张工作", "natural-resources", "科员", AgentKind.STAFF, true,
            Authority.GENERAL);
    private static final Agent STAFF_NOT_HANDLER = new Agent("赵工作", "natural-resources", "科员", AgentKind.STAFF,
            false, Authority.GENERAL);
    private static final Agent JUSTICE = new Agent("李强", "justice-bureau", "科长", AgentKind.STAFF, false,
            Authority.GENERAL);
    private static final Agent LAWYER = new Agent("李律师", null, "律师", AgentKind.LAWYER, false, Authority.SPECIAL);
    private static final Agent LAWYER_HANDLER = new Agent("王律师", null, "律师", AgentKind.LAWYER, true,
            Authority.SPECIAL);
    private static final Agent UNNAMED = new Agent(" ", "natural-resources", "科员", AgentKind.STAFF, true, null);

    private static AppearancePlan head(HeadPost post, String unit, Agent... agents) {
        return new AppearancePlan(true, "王局长", post, unit, null, null, List.of(agents));
    }

    private static AppearancePlan absent(AbsenceReason reason, String explanation, Agent... agents) {
        return new AppearancePlan(false, "王局长", HeadPost.PRINCIPAL, DEFENDANT, reason, explanation, List.of(agents));
    }

    /** description, plan, Art. 7 ¶2 applies, upheld by the district's reconsideration, refused field (null: passes), citation. */
    static Stream<Arguments> table() {
        return Stream.of(
                // 第七条第一款：负责人包括正职和副职负责人
                Arguments.of("正职负责人出庭，委托一名承办人", head(HeadPost.PRINCIPAL, DEFENDANT, STAFF), false, false, null, null),
                Arguments.of("副职负责人出庭，可不另行委托代理人", head(HeadPost.DEPUTY, DEFENDANT), true, false, null, null),
                Arguments.of("出庭负责人未写明职务", head(null, DEFENDANT, STAFF), false, false, "headName", "第七条第一款"),
                Arguments.of("出庭负责人未写明姓名",
                        new AppearancePlan(true, " ", HeadPost.PRINCIPAL, DEFENDANT, null, null, List.of(STAFF)),
                        false, false, "headName", "正职或副职"),
                // 法释〔2020〕3号第二条：被诉行政机关本身的负责人
                Arguments.of("其他单位的负责人不能作为被诉行政机关负责人出庭",
                        head(HeadPost.PRINCIPAL, "natural-resources", STAFF), false, false, "headUnit", "法释〔2020〕3号第二条"),
                Arguments.of("其他单位的负责人不能出庭也不能由其说明", new AppearancePlan(false, "某局长", HeadPost.PRINCIPAL,
                        "wenchang-town", AbsenceReason.OFFICIAL_DUTY, null, List.of(STAFF)), false, false, "headUnit", "第七条第一款"),
                // 第八条第一款：负责人出庭的，可以另行委托一至二名诉讼代理人
                Arguments.of("负责人出庭，另行委托两名代理人", head(HeadPost.PRINCIPAL, DEFENDANT, STAFF, LAWYER), false, false, null, null),
                Arguments.of("负责人出庭，另行委托三名代理人", head(HeadPost.PRINCIPAL, DEFENDANT, STAFF, LAWYER, LAWYER), false, false,
                        "agents", "第八条第一款"),
                // 法释〔2020〕3号第八条：不能出庭的正当理由
                Arguments.of("不可抗力，不能出庭", absent(AbsenceReason.FORCE_MAJEURE, null, STAFF), false, false, null, null),
                Arguments.of("意外事件，不能出庭", absent(AbsenceReason.ACCIDENT, "交通事故受伤住院", STAFF), false, false, null, null),
                Arguments.of("需要履行他人不能代替的公务", absent(AbsenceReason.OFFICIAL_DUTY, null, STAFF), false, false, null, null),
                Arguments.of("其他正当事由，写明具体事由", absent(AbsenceReason.OTHER, "同日另案开庭", STAFF), false, false, null, null),
                Arguments.of("其他正当事由，未写明具体事由", absent(AbsenceReason.OTHER, " ", STAFF), false, false,
                        "absenceExplanation", "第八条第（四）项"),
                Arguments.of("不出庭且未说明理由", absent(null, "另有安排", STAFF), false, false, "absenceReason", "第八条第一款"),
                // 第七条第二款：非因正当理由不得拒绝出庭应诉
                Arguments.of("第七条第二款案件，有正当理由的不出庭是合法情形",
                        absent(AbsenceReason.OFFICIAL_DUTY, "参加全区防汛会议", STAFF), true, false, null, null),
                Arguments.of("第七条第二款案件，无正当理由不出庭", absent(null, "出差", STAFF), true, false,
                        "absenceReason", "第七条第二款"),
                // 第八条第一款、第二十二条第（三）项：委托至少一名行政机关工作人员，不得只委托律师
                Arguments.of("负责人不能出庭且未委托任何人", absent(AbsenceReason.ACCIDENT, null), false, false,
                        "agents", "至少一名行政机关工作人员"),
                Arguments.of("负责人不能出庭且只委托律师", absent(AbsenceReason.ACCIDENT, null, LAWYER_HANDLER, LAWYER_HANDLER),
                        false, false, "agents", "第二十二条第（三）项"),
                Arguments.of("负责人不能出庭，委托律师和工作人员", absent(AbsenceReason.ACCIDENT, null, LAWYER, STAFF), false, false,
                        null, null),
                // 行政诉讼法第三十一条第一款：委托一至二人作为诉讼代理人
                Arguments.of("负责人不能出庭，委托三名代理人", absent(AbsenceReason.ACCIDENT, null, STAFF, JUSTICE, LAWYER), false,
                        true, "agents", "第三十一条"),
                // 第八条第二款：复议维持案件
                Arguments.of("复议维持，承办单位和区司法局工作人员", absent(AbsenceReason.OFFICIAL_DUTY, null, STAFF, JUSTICE), false,
                        true, null, null),
                Arguments.of("复议维持，缺区司法局工作人员", absent(AbsenceReason.OFFICIAL_DUTY, null, STAFF), false, true,
                        "agents", "第八条第二款"),
                Arguments.of("复议维持，负责人出庭也须两个单位的工作人员", head(HeadPost.DEPUTY, DEFENDANT,
                                new Agent("李强", "justice-bureau", "科长", AgentKind.STAFF, true, Authority.GENERAL)), false, true,
                        "agents", "区司法局工作人员"),
                // 第八条第三款：至少一名承办人或熟悉业务
                Arguments.of("代理人均非承办人或熟悉业务", absent(AbsenceReason.OFFICIAL_DUTY, null, STAFF_NOT_HANDLER), false,
                        false, "agents", "第八条第三款"),
                Arguments.of("两名代理人中一名是承办人", head(HeadPost.PRINCIPAL, DEFENDANT, STAFF_NOT_HANDLER, STAFF), false,
                        false, null, null),
                // 第六条第三款：授权委托书载明代理人身份和权限
                Arguments.of("代理人未写明姓名和权限", absent(AbsenceReason.OFFICIAL_DUTY, null, UNNAMED), false, false,
                        "agents", "第六条第三款"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theRuleReadsAsTheArticle(String description, AppearancePlan plan, boolean headRequired, boolean upheld,
                                  String refusedField, String citation) {
        List<FieldError> refusals = new AppearancePlanRule().check(plan, new AppearancePlanRule.Circumstances(
                headRequired, upheld, "natural-resources", DEFENDANT, "区人民政府"));
        if (refusedField == null) {
            assertThat(refusals).as(description).isEmpty();
        } else {
            assertThat(refusals).as(description).singleElement().satisfies(r -> {
                assertThat(r.field()).isEqualTo(refusedField);
                assertThat(r.message()).contains(citation);
            });
        }
    }
}
