package cn.shapotou.litigation.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Art. 7 ¶2: each listed kind of case makes an agency head's appearance required. */
class HeadAppearanceRuleTest {

    @ParameterizedTest(name = "item {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 第七条第二款第（一）项 | 涉及共同诉讼、集团诉讼的案件
            2 | 第七条第二款第（二）项 | 就自然资源权属争议作出处理决定的案件
            3 | 第七条第二款第（三）项 | 涉及面较广的农村集体土地或国有土地上房屋征收补偿案件
            4 | 第七条第二款第（四）项 | 因行政行为造成公民死亡或全部丧失劳动能力的行政赔偿案件
            5 | 第七条第二款第（五）项 | 导致企业停产停业关闭或者公民丧失生活主要经济来源
            6 | 第七条第二款第（六）项 | 对本级行政机关行政执法活动可能产生重大影响的案件
            7 | 第七条第二款第（七）项 | 行政机关负责人认为需要出庭应诉的其他行政诉讼案件
            """, ignoreLeadingAndTrailingWhitespace = true)
    void eachItemRequiresTheHeadToAppear(int item, String citation, String wording) {
        HeadAppearanceRule.Result result = new HeadAppearanceRule().decide(List.of(AppearanceCategory.ofItem(item)));
        assertThat(result.required()).isTrue();
        assertThat(result.basis()).contains(citation).contains(wording);
    }

    @Test
    void noItemMeansTheGeneralDutyOnly() {
        HeadAppearanceRule.Result result = new HeadAppearanceRule().decide(List.of());
        assertThat(result.required()).isFalse();
        assertThat(result.basis()).contains("第七条第一款");
    }

    @Test
    void severalItemsAreAllCited() {
        HeadAppearanceRule.Result result = new HeadAppearanceRule().decide(List.of(
                AppearanceCategory.BUSINESS_CLOSURE_OR_LIVELIHOOD, AppearanceCategory.JOINT_OR_GROUP_SUIT));
        assertThat(result.required()).isTrue();
        assertThat(result.basis()).contains("第（一）项").contains("第（五）项");
        assertThat(result.basis().indexOf("第（一）项")).isLessThan(result.basis().indexOf("第（五）项"));
    }
}
