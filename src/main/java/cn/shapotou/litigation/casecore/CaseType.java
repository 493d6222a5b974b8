package cn.shapotou.litigation.casecore;

/**
 * What kind of case: a lawsuit, or (Art. 25) an administrative reconsideration in which the district government, a
 * department or a township is the respondent and answers the reconsideration body, following the same stages.
 */
public enum CaseType {
    LITIGATION("行政诉讼案件"),
    RECONSIDERATION_RESPONSE("行政复议答复案件");

    private final String label;

    CaseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
