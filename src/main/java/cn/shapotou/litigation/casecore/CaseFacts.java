package cn.shapotou.litigation.casecore;

import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import java.util.List;

/**
 * The case's facts as variables of {@code litigation-case}, the one place they live; each stage gets a copy of the
 * ones its {@link StageContract} names, because its Tasklist forms show them and Cockpit lists them on the stage
 * instance (src/docs/architecture.md「案件数据与阶段约定」).
 */
public final class CaseFacts {

    /** What every stage gets: the case as registered (the register form) and its lead and co-acting units (第四条). */
    public static final List<String> CASE = List.of("caseNumber", "court", "plaintiff", "causeOfAction",
            "noticeReceivedOn", "defendant", "actingUnit", "caseType", "leadUnit", "leadUnitName", "coUnits");

    /** The case's deadlines: every stage gets them, a stage that adds or closes a deadline gives them back. */
    public static final String DEADLINES = CaseDeadlineVariable.NAME;

    /**
     * The sued act and what 确定应诉事务承办单位 found from it (第四条, 第七条): the stages before the decision need them
     * for the handling proposal, the answer and the appearance plan.
     */
    public static final List<String> SUIT = List.of("reconsideration", "suedAct", "appearanceCategories",
            "responsibilityBasis", "responsibilityExplanation", "headAppearanceBasis");

    /** The court's decision as registered (CourtDecision): the stages after a decision work on it. */
    public static final List<String> DECISION = List.of("decisionKind", "decisionInstance", "decisionTitle",
            "decisionOutcome", "decisionOutcomeLabel", "decisionReceivedOn");

    private CaseFacts() {
    }
}
