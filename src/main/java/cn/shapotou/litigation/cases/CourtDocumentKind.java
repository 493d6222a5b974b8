package cn.shapotou.litigation.cases;

/** The court documents the district office registers (CONTRACT §5). */
public enum CourtDocumentKind {
    HEARING_NOTICE("开庭传票（出庭通知书）"),
    JUDGMENT("判决书"),
    RULING("裁定书"),
    PLAINTIFF_APPEAL("原告上诉状"),
    EFFECTIVE("生效证明"),
    JUDICIAL_RECOMMENDATION("司法建议书"),
    /** Art. 25: the decision of the reconsideration body in a reconsideration-response case. */
    RECONSIDERATION_DECISION("行政复议决定书");

    private final String label;

    CourtDocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
