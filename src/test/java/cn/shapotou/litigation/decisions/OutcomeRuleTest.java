package cn.shapotou.litigation.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which outcome a decision of which instance can have (行政诉讼法第六十九条至第七十八条、第八十九条; 法释〔2018〕1号第一百零一条、
 * 第一百二十二条、第一百二十三条) and whether it is lost once effective (Art. 12: 撤销（含重新作出）、确认违法、无效、变更、
 * 责令履行职责、履行给付义务、承担赔偿责任), checked by hand against the wording.
 */
class OutcomeRuleTest {

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # instance     | outcome            | allowed | why
            FIRST          | CLAIMS_DISMISSED   | true    | 第六十九条 驳回原告诉讼请求
            FIRST          | WITHDRAWN          | true    | 准许撤诉 (第六十二条)
            FIRST          | UPHELD             | true    | a first-instance 维持 (before 第六十九条 replaced it) stays readable
            FIRST          | REVOKED            | true    | 第七十条
            FIRST          | APPEAL_DISMISSED   | false   | nothing to appeal at first instance
            FIRST          | APPEAL_WITHDRAWN   | false   | no appeal at first instance
            FIRST          | AMENDED            | false   | no earlier judgment to amend
            FIRST          | REMANDED           | false   | no earlier judgment to set aside
            FIRST          | RETRIAL_DISMISSED  | false   | not a retrial
            SECOND         | APPEAL_DISMISSED   | true    | 第八十九条第一款第（一）项 驳回上诉，维持原判
            SECOND         | APPEAL_WITHDRAWN   | true    | 准许撤回上诉
            SECOND         | AMENDED            | true    | 第八十九条第一款第（二）、（三）项 依法改判
            SECOND         | REMANDED           | true    | 第八十九条第一款第（三）、（四）项 发回重审
            SECOND         | SUIT_DISMISSED     | true    | 法释〔2018〕1号第一百二十三条第（一）项 迳行驳回起诉
            SECOND         | REVOKED            | true    | 第八十九条第三款 its own judgment on the act when it changes the first
            SECOND         | CLAIMS_DISMISSED   | true    | 第八十九条第三款 changing a lost first instance: claims dismissed
            SECOND         | MEDIATED           | true    | 第六十条 mediation at any instance
            SECOND         | WITHDRAWN          | false   | at second instance the appeal is withdrawn (APPEAL_WITHDRAWN)
            SECOND         | UPHELD             | false   | a second instance affirms the judgment, not the act (APPEAL_DISMISSED)
            SECOND         | RETRIAL_DISMISSED  | false   | not a retrial
            RETRIAL        | RETRIAL_DISMISSED  | true    | 驳回再审请求，维持原判
            RETRIAL        | AMENDED            | true    | 法释〔2018〕1号第一百二十二条 撤销并改判
            RETRIAL        | REMANDED           | true    | 法释〔2018〕1号第一百二十二条 发回重审
            RETRIAL        | ILLEGAL            | true    | its own judgment on the act
            RETRIAL        | APPEAL_DISMISSED   | false   | a retrial has no appeal to dismiss
            RETRIAL        | WITHDRAWN          | false   | the suit is not withdrawn in a retrial
            """, ignoreLeadingAndTrailingWhitespace = true)
    void whichOutcomeFitsWhichInstance(String instance, Outcome outcome, boolean allowed, String why) {
        assertThat(OutcomeRule.allowedAt(instance, false).contains(outcome)).as(why).isEqualTo(allowed);
        List<FieldError> errors = OutcomeRule.refusals(instance, false, outcome,
                outcome == Outcome.AMENDED ? "REVOKED" : null);
        if (allowed) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("outcome");
                assertThat(e.message()).contains("裁判结果", outcome.label());
            });
        }
    }

    @Test
    void aReconsiderationDecisionHasTheResultsOnTheActOnly() {
        assertThat(OutcomeRule.allowedAt("FIRST", true)).contains(Outcome.UPHELD, Outcome.REVOKED, Outcome.WITHDRAWN)
                .doesNotContain(Outcome.APPEAL_DISMISSED, Outcome.AMENDED, Outcome.REMANDED);
        assertThat(OutcomeRule.refusals("FIRST", true, Outcome.AMENDED, "REVOKED")).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("行政复议决定"));
    }

    @Test
    void anAmendmentNamesItsNewResult() {
        assertThat(OutcomeRule.refusals("SECOND", false, Outcome.AMENDED, null)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("amendedOutcome"))
                .satisfies(e -> assertThat(e.message()).contains("改判结果为必填项", "第八十九条第三款"));
        for (String notAResult : List.of("WITHDRAWN", "MEDIATED", "UPHELD", "AMENDED", "APPEAL_DISMISSED", "GUILTY")) {
            assertThat(OutcomeRule.refusals("SECOND", false, Outcome.AMENDED, notAResult)).as(notAResult)
                    .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("amendedOutcome"));
        }
        assertThat(OutcomeRule.refusals("SECOND", false, Outcome.AMENDED, "CLAIMS_DISMISSED")).isEmpty();
        assertThat(OutcomeRule.refusals("SECOND", false, Outcome.APPEAL_DISMISSED, "REVOKED")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("仅在裁判结果为「撤销原判，依法改判"));
    }

    @ParameterizedTest(name = "{0} {1} of a decision lost={2}: lost={3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # outcome          | amended to       | standing lost | lost  | Art. 12
            REVOKED            | -                | -             | true  | 撤销
            REVOKED_REDO       | -                | -             | true  | 撤销并重新作出
            ILLEGAL            | -                | -             | true  | 确认违法
            VOID               | -                | -             | true  | 无效
            CHANGED            | -                | -             | true  | 变更
            ORDERED_TO_PERFORM | -                | -             | true  | 责令履行职责
            ORDERED_TO_PAY     | -                | -             | true  | 履行给付义务
            COMPENSATION       | -                | -             | true  | 承担赔偿责任
            CLAIMS_DISMISSED   | -                | -             | false | not listed
            SUIT_DISMISSED     | -                | -             | false | not listed
            WITHDRAWN          | -                | -             | false | not a judgment against the agency
            MEDIATED           | -                | -             | false | not a judgment against the agency
            UPHELD             | -                | -             | false | the act stands
            APPEAL_DISMISSED   | -                | true          | true  | affirms a lost judgment: the loss takes effect
            APPEAL_DISMISSED   | -                | false         | false | affirms a won judgment
            APPEAL_WITHDRAWN   | -                | true          | true  | the lost first-instance judgment takes effect
            RETRIAL_DISMISSED  | -                | true          | true  | the lost effective judgment stands
            RETRIAL_DISMISSED  | -                | false         | false | the won effective judgment stands
            AMENDED            | ORDERED_TO_PAY   | false         | true  | amended to a loss
            AMENDED            | CLAIMS_DISMISSED | true          | false | amended to a win
            REMANDED           | -                | true          | false | set aside, not final: nothing lost yet
            """, ignoreLeadingAndTrailingWhitespace = true)
    void whetherTheEffectiveDecisionIsLost(Outcome outcome, Outcome amended, Boolean standingLost, boolean lost,
                                           String why) {
        assertThat(OutcomeRule.loss(outcome, amended, standingLost)).as(why).isEqualTo(lost);
    }

    private static Map<String, Object> entry(String instance, String outcome, boolean loss, String effectiveOn) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("instance", instance);
        entry.put("outcome", outcome);
        entry.put("loss", loss);
        entry.put("effectiveOn", effectiveOn);
        return entry;
    }

    @Test
    void anAffirmanceLeavesInForceTheDecisionItWasAbout() {
        List<Map<String, Object>> history = new ArrayList<>(List.of(entry("FIRST", "REVOKED", true, null),
                entry("SECOND", "REMANDED", false, null), entry("FIRST", "CLAIMS_DISMISSED", false, null)));
        assertThat(OutcomeRule.standing(Outcome.APPEAL_DISMISSED, history)).as("the latest first instance, after the remand")
                .isSameAs(history.get(2));
        assertThat(OutcomeRule.standing(Outcome.REVOKED, history)).isNull();
        List<Map<String, Object>> effective = List.of(entry("FIRST", "ILLEGAL", true, "2026-12-12"),
                entry("RETRIAL", "REMANDED", false, null));
        assertThat(OutcomeRule.standing(Outcome.RETRIAL_DISMISSED, effective)).isSameAs(effective.get(0));
    }

    @Test
    void aRemandGoesBackToTheCourtWhoseDecisionWasSetAside() {
        assertThat(OutcomeRule.remandedTo("SECOND", List.of(entry("FIRST", "REVOKED", true, null)))).isEqualTo("FIRST");
        assertThat(OutcomeRule.remandedTo("RETRIAL", List.of(entry("FIRST", "REVOKED", true, null),
                entry("SECOND", "APPEAL_DISMISSED", true, "2026-12-28")))).isEqualTo("SECOND");
        assertThat(OutcomeRule.remandedTo("RETRIAL", List.of(entry("FIRST", "REVOKED", true, "2026-12-12"))))
                .isEqualTo("FIRST");
    }

    @ParameterizedTest(name = "{0} {1} reconsideration={2}: appeal opinion {3}")
    @CsvSource(delimiter = '|', textBlock = """
            FIRST   | REVOKED          | false | true
            FIRST   | CLAIMS_DISMISSED | false | true
            FIRST   | SUIT_DISMISSED   | false | true
            FIRST   | WITHDRAWN        | false | false
            FIRST   | MEDIATED         | false | false
            FIRST   | REVOKED          | true  | false
            SECOND  | REVOKED          | false | false
            RETRIAL | AMENDED          | false | false
            """, ignoreLeadingAndTrailingWhitespace = true)
    void onlyAnAppealableFirstInstanceDecisionAsksForAnAppealOpinion(String instance, Outcome outcome,
                                                                     boolean reconsideration, boolean appealable) {
        assertThat(OutcomeRule.appealable(instance, reconsideration, outcome)).isEqualTo(appealable);
    }
}
