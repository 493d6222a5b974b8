package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.DeadlineKind;
import java.util.Set;

/**
 * The statutory court deadlines of a case: what the court or the law fixes and no internal step can make up for once
 * missed. Two days before one of them, the district leaders are reminded too, and when one is missed its escalation
 * is reported to them (《办法》第三条: the district government leads response work; 第十三条、第十五条、第十六条:
 * it decides appeals, retrials and enforcement applications).
 * <ul>
 * <li>{@code statutoryAnswer}: the answer with its evidence (行政诉讼法第六十七条; late evidence counts as none,
 * 第三十四条第二款), or the reply in a reconsideration case (行政复议法第四十八条);</li>
 * <li>{@code secondInstanceAnswer}: the answer to the other party's appeal, 15 days from its copy (法释〔2018〕1号
 * 第一百零八条);</li>
 * <li>{@code appealJudgment}, {@code appealRuling}: the appeal itself (行政诉讼法第八十五条);</li>
 * <li>{@code retrial} (法释〔2018〕1号第一百一十条) and {@code enforcement} (第一百五十三条).</li>
 * </ul>
 * Internal limits of the regulation ({@code answerMaterials}, {@code appealOpinion}, {@code lossAnalysis}) are not
 * among them: they are the units' own time (《办法》第十条第二款、第十二条、第十三条).
 */
public final class CourtDeadlines {

    public static final String STATUTORY_ANSWER = DeadlineKind.STATUTORY_ANSWER.key();
    public static final String SECOND_INSTANCE_ANSWER = DeadlineKind.SECOND_INSTANCE_ANSWER.key();
    public static final String ANSWER_MATERIALS = DeadlineKind.ANSWER_MATERIALS.key();

    public static final Set<String> KEYS = Set.of(STATUTORY_ANSWER, SECOND_INSTANCE_ANSWER,
            DeadlineKind.APPEAL_JUDGMENT.key(), DeadlineKind.APPEAL_RULING.key(), DeadlineKind.RETRIAL.key(),
            DeadlineKind.ENFORCEMENT.key());

    private CourtDeadlines() {}

    public static boolean isCourtDeadline(String key) {
        return key != null && KEYS.contains(key);
    }

    /** The deadline's name as people read it, e.g. 法定答辩期限（向法院提交答辩状及证据）. */
    public static String label(String key) {
        try {
            return DeadlineKind.ofKey(key).label();
        } catch (IllegalArgumentException unknown) {
            return key;
        }
    }
}
