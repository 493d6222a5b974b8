package cn.shapotou.litigation.decisions;

import java.util.Arrays;
import java.util.List;

/** What a court (or a reconsideration body) decided (CONTRACT §5); {@link #loss} marks the losses of Art. 12. */
public enum Outcome {
    CLAIMS_DISMISSED("驳回诉讼请求", false),
    SUIT_DISMISSED("驳回起诉", false),
    WITHDRAWN("准许撤诉", false),
    MEDIATED("调解结案", false),
    UPHELD("维持原行政行为", false),
    REVOKED("撤销", true),
    REVOKED_REDO("撤销并责令重作", true),
    ILLEGAL("确认违法", true),
    VOID("确认无效", true),
    CHANGED("变更", true),
    ORDERED_TO_PERFORM("责令履行职责", true),
    ORDERED_TO_PAY("责令履行给付义务", true),
    COMPENSATION("行政赔偿", true);

    private final String label;
    private final boolean loss;

    Outcome(String label, boolean loss) {
        this.label = label;
        this.loss = loss;
    }

    public String label() {
        return label;
    }

    /** Art. 12: revoked (incl. redo), illegal, void, changed, ordered to perform or to pay, compensation. */
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
