package cn.shapotou.litigation.decisions;

import java.util.Arrays;
import java.util.List;

/**
 * What a court (or a reconsideration body) decided, in the court's words. The first group is a result on the sued act
 * itself ({@link #loss} marks the losses of Art. 12); the second group is what a second instance or a retrial does to
 * the decision before it (行政诉讼法第八十九条; 法释〔2018〕1号第一百二十二条), whose loss is that of the decision it
 * leaves standing or puts in place. Which outcome a decision of which instance may have, and whether it is lost, is
 * {@link OutcomeRule}.
 */
public enum Outcome {
    CLAIMS_DISMISSED("驳回诉讼请求", false),
    SUIT_DISMISSED("驳回起诉", false),
    WITHDRAWN("准许撤诉（第一审）", false),
    MEDIATED("调解结案", false),
    UPHELD("维持原行政行为（行政复议决定或第一审判决）", false),
    REVOKED("撤销", true),
    REVOKED_REDO("撤销并责令重作", true),
    ILLEGAL("确认违法", true),
    VOID("确认无效", true),
    CHANGED("变更", true),
    ORDERED_TO_PERFORM("责令履行职责", true),
    ORDERED_TO_PAY("责令履行给付义务", true),
    COMPENSATION("行政赔偿", true),
    /** 行政诉讼法第八十九条第一款第（一）项. */
    APPEAL_DISMISSED("驳回上诉，维持原判（第二审）", false),
    /** The appellant withdrew its appeal: the first-instance decision takes effect. */
    APPEAL_WITHDRAWN("准许撤回上诉（第二审，原判生效）", false),
    /** 行政诉讼法第八十九条第一款第（二）、（三）项，第三款; 法释〔2018〕1号第一百二十二条: with the new result. */
    AMENDED("撤销原判，依法改判（第二审、再审）", false),
    /** 行政诉讼法第八十九条第一款第（三）、（四）项; 法释〔2018〕1号第一百二十二条. */
    REMANDED("撤销原判，发回重审（第二审、再审）", false),
    /** The retried decision stands: the retrial affirms it, or the application for retrial fails. */
    RETRIAL_DISMISSED("驳回再审请求，维持原判（再审）", false);

    private final String label;
    private final boolean loss;

    Outcome(String label, boolean loss) {
        this.label = label;
        this.loss = loss;
    }

    public String label() {
        return label;
    }

    /**
     * Art. 12 as a result on the sued act: revoked (incl. redo), illegal, void, changed, ordered to perform or to pay,
     * compensation. False for the outcomes that act on an earlier decision: whether such a decision is lost is
     * {@link OutcomeRule#loss}.
     */
    public boolean loss() {
        return loss;
    }

    /** An amount is recorded for these (Art. 23: the state compensation may be recovered from those at fault). */
    public boolean involvesPayment() {
        return this == ORDERED_TO_PAY || this == COMPENSATION;
    }

    public static Outcome parse(Object value) {
        return Arrays.stream(values()).filter(o -> o.name().equals(String.valueOf(value))).findFirst().orElse(null);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
