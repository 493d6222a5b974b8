package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One named deadline of a case: which one it is, how it was computed and, for an internal period, the statutory
 * deadline it serves. An internal period of the regulation (Art. 10 ¶2's seven days) exists so that the court's
 * deadline is met, so it is never later than that one (late evidence counts as none, ALL Art. 34 ¶2; src/docs/deadlines.md).
 */
public record CaseDeadline(DeadlineKind kind, ComputedDeadline computed, Limit limit) {

    /** The statutory deadline an internal one serves: its key, its name and its day. */
    public record Limit(String key, String name, LocalDate due) {}

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public CaseDeadline(DeadlineKind kind, ComputedDeadline computed) {
        this(kind, computed, null);
    }

    /** This deadline, never later than {@code limit}. */
    public CaseDeadline servingLimit(Limit limit) {
        return new CaseDeadline(kind, computed, limit);
    }

    /** True when the statutory deadline comes first and so fixes this one's day. */
    public boolean limited() {
        return limit != null && limit.due().isBefore(computed.due());
    }

    public LocalDate due() {
        return limited() ? limit.due() : computed.due();
    }

    /** How the day was found: the period's own computation, then which of the two limits applies and why. */
    public String explanation() {
        String own = computed.explanation();
        if (limit == null) {
            return own;
        }
        String statutory = "「" + limit.name() + "」" + CHINESE_DATE.format(limit.due()) + "届满";
        if (limited()) {
            // The answer first, then how the internal period alone would have ended.
            return "期限至" + CHINESE_DATE.format(limit.due()) + "24时止：以法定期限为准，因为" + statutory + "，早于内部期限"
                    + CHINESE_DATE.format(computed.due()) + "；内部期限服务于法定期限，逾期提供证据视为没有相应证据"
                    + "（《中华人民共和国行政诉讼法》第三十四条第二款）。内部期限的计算：" + own;
        }
        return own + "该期限早于" + statutory + "，以内部期限为准。";
    }
}
