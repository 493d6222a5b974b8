package cn.shapotou.litigation.decisions;

import static cn.shapotou.litigation.decisions.Outcome.*;

import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule on a decision's outcome: which outcomes a decision of which instance can have, what a decision that
 * acts on an earlier one leaves in force, and whether a decision, once effective, is a loss in the sense of Art. 12.
 * Plain Java: the entries are the case's list of decisions, oldest first ({@code instance}, {@code outcome},
 * {@code loss}, {@code effectiveOn}).
 */
public final class OutcomeRule {

    /** A result on the sued act itself (行政诉讼法第六十九条至第七十八条, 第六十条; a reconsideration decision likewise). */
    static final Set<Outcome> ON_THE_ACT = Collections.unmodifiableSet(EnumSet.range(CLAIMS_DISMISSED, COMPENSATION));

    /**
     * What an amendment puts in place: a judgment on the sued act (行政诉讼法第八十九条第三款), or the dismissal of a suit
     * that should not have been heard (法释〔2018〕1号第一百二十三条第（一）项). Not a withdrawal or a mediation, and no
     * longer 维持 (行政诉讼法第六十九条 replaced it by 驳回诉讼请求).
     */
    public static final Set<Outcome> AMENDED_TO = Collections.unmodifiableSet(EnumSet.of(CLAIMS_DISMISSED,
            SUIT_DISMISSED, REVOKED, REVOKED_REDO, ILLEGAL, VOID, CHANGED, ORDERED_TO_PERFORM, ORDERED_TO_PAY,
            COMPENSATION));

    /**
     * Outcomes that leave an earlier decision in force: its loss is theirs. 驳回上诉、维持原判 (行政诉讼法第八十九条第一款第
     * （一）项); a withdrawn appeal, after which the first-instance decision takes effect; a retrial that affirms the
     * retried decision or an application for retrial that fails.
     */
    static final Set<Outcome> AFFIRMING = Collections.unmodifiableSet(EnumSet.of(APPEAL_DISMISSED, APPEAL_WITHDRAWN,
            RETRIAL_DISMISSED));

    private OutcomeRule() {}

    /**
     * The outcomes a decision of this instance can have. First instance and reconsideration decisions: a result on
     * the act. A second instance (行政诉讼法第八十九条): dismiss the appeal and affirm, amend (the new result is
     * {@code amendedOutcome}), remand; or its own result on the act, as it judges when it changes the first-instance
     * judgment (第八十九条第三款) or dismisses the suit (法释〔2018〕1号第一百二十三条); a mediation (行政诉讼法第六十条).
     * A retrial (法释〔2018〕1号第一百二十二条) likewise, affirming with 驳回再审请求、维持原判. Neither withdraws the suit
     * (at second instance the appeal is withdrawn) nor 维持 the act (第六十九条).
     */
    public static Set<Outcome> allowedAt(String instance, boolean reconsiderationDecision) {
        if (reconsiderationDecision || "FIRST".equals(instance)) {
            return ON_THE_ACT;
        }
        EnumSet<Outcome> allowed = EnumSet.copyOf(ON_THE_ACT);
        allowed.removeAll(EnumSet.of(WITHDRAWN, UPHELD));
        allowed.add(AMENDED);
        allowed.add(REMANDED);
        if ("SECOND".equals(instance)) {
            allowed.add(APPEAL_DISMISSED);
            allowed.add(APPEAL_WITHDRAWN);
        } else if ("RETRIAL".equals(instance)) {
            allowed.add(RETRIAL_DISMISSED);
        } else {
            return Set.of();
        }
        return Collections.unmodifiableSet(allowed);
    }

    /** Why these outcome fields are wrong for a decision of this instance; empty when they are right. */
    public static List<FieldError> refusals(String instance, boolean reconsiderationDecision, Outcome outcome,
                                            Object amendedValue) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            return errors;
        }
        Set<Outcome> allowed = allowedAt(instance, reconsiderationDecision);
        if (!allowed.contains(outcome) && !allowed.isEmpty()) {
            errors.add(new FieldError("outcome", "裁判结果「" + outcome.label() + "」不是" + instanceLabel(instance,
                    reconsiderationDecision) + "的结果；" + instanceLabel(instance, reconsiderationDecision)
                    + "的裁判结果须为以下之一：" + labels(allowed)));
        }
        boolean given = amendedValue != null && !String.valueOf(amendedValue).isBlank();
        if (outcome == AMENDED) {
            Outcome amended = Outcome.parse(amendedValue);
            if (!given) {
                errors.add(new FieldError("amendedOutcome", "改判结果为必填项：改判的，应当同时对被诉行政行为作出"
                        + "判决（行政诉讼法第八十九条第三款），须为以下之一：" + labels(AMENDED_TO)));
            } else if (amended == null || !AMENDED_TO.contains(amended)) {
                errors.add(new FieldError("amendedOutcome", "改判结果须为以下之一：" + labels(AMENDED_TO)));
            }
        } else if (given) {
            errors.add(new FieldError("amendedOutcome", "改判结果仅在裁判结果为「" + AMENDED.label()
                    + "」时填写"));
        }
        return errors;
    }

    /**
     * Whether the decision, once it takes effect, is a loss (Art. 12): a result on the act by its own nature; an
     * amendment by its new result; an affirmance by the loss of the decision it leaves in force ({@code standingLoss},
     * see {@link #standing}); a remand is no final decision and never a loss.
     */
    public static boolean loss(Outcome outcome, Outcome amendedOutcome, Boolean standingLoss) {
        if (outcome == null || outcome == REMANDED) {
            return false;
        }
        if (outcome == AMENDED) {
            return amendedOutcome != null && amendedOutcome.loss();
        }
        if (AFFIRMING.contains(outcome)) {
            return Boolean.TRUE.equals(standingLoss);
        }
        return outcome.loss();
    }

    /**
     * The earlier decision an affirming outcome leaves in force, or null: for a second instance the latest first-instance
     * decision (the one appealed); for a retrial the latest decision that had taken effect (the one retried).
     */
    public static Map<String, Object> standing(Outcome outcome, List<Map<String, Object>> earlier) {
        if (!AFFIRMING.contains(outcome)) {
            return null;
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Map<String, Object> entry = earlier.get(i);
            boolean match = outcome == RETRIAL_DISMISSED ? entry.get("effectiveOn") != null
                    : "FIRST".equals(entry.get("instance"));
            if (match) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The instance a remanded case returns to: from a second instance, the first (行政诉讼法第八十九条); from a retrial,
     * the instance of the court whose effective decision was set aside (法释〔2018〕1号第一百二十二条).
     */
    public static String remandedTo(String instance, List<Map<String, Object>> earlier) {
        if ("RETRIAL".equals(instance)) {
            for (int i = earlier.size() - 1; i >= 0; i--) {
                Map<String, Object> entry = earlier.get(i);
                if (entry.get("effectiveOn") != null) {
                    return "SECOND".equals(entry.get("instance")) ? "SECOND" : "FIRST";
                }
            }
        }
        return "FIRST";
    }

    /**
     * A first-instance decision of a court is open to appeal (行政诉讼法第八十五条) and gets an appeal opinion (Art. 13),
     * except a ruling that grants a withdrawal (法释〔2018〕1号第一百零一条第二款: only rulings on 不予立案、驳回起诉、管辖异议
     * may be appealed) and a mediation, which binds once signed (行政诉讼法第六十条): both take effect when served.
     */
    public static boolean appealable(String instance, boolean reconsiderationDecision, Outcome outcome) {
        return "FIRST".equals(instance) && !reconsiderationDecision && outcome != WITHDRAWN && outcome != MEDIATED;
    }

    /** 第一审、第二审、再审、行政复议决定: how the messages name the instance. */
    static String instanceLabel(String instance, boolean reconsiderationDecision) {
        if (reconsiderationDecision) {
            return "行政复议决定";
        }
        return switch (String.valueOf(instance)) {
            case "SECOND" -> "第二审裁判";
            case "RETRIAL" -> "再审裁判";
            default -> "第一审裁判";
        };
    }

    private static String labels(Set<Outcome> outcomes) {
        return outcomes.stream().map(o -> o.label() + "（" + o.name() + "）").collect(Collectors.joining("、"));
    }
}
