package cn.shapotou.litigation.cases;

/**
 * The court documents the district office registers (README「接口」). Each kind has its {@link CourtDocumentHandler}
 * and an option in forms/register-court-document.form (CourtDocumentKindsTest holds the three together).
 */
public enum CourtDocumentKind {
    HEARING_NOTICE("开庭传票（出庭通知书）"),
    JUDGMENT("判决书"),
    RULING("裁定书"),
    PLAINTIFF_APPEAL("原告上诉状"),
    EFFECTIVE("生效证明"),
    JUDICIAL_RECOMMENDATION("司法建议书"),
    /** Art. 25: the decision of the reconsideration body in a reconsideration-response case. */
    RECONSIDERATION_DECISION("行政复议决定书"),
    /**
     * The court retries a case whose decision took effect: on the other party's application, a procuratorate's
     * protest or its own decision (ALL Art. 90–93); also for an archived case.
     */
    RETRIAL_ORDER("再审裁定（对方申请再审、检察院抗诉或法院决定再审）");

    private final String label;

    CourtDocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind a request names, or null when it names none. */
    public static CourtDocumentKind parse(Object value) {
        try {
            return value == null ? null : valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
