package cn.shapotou.litigation.casecore;

/** Which act the plaintiff sues when the district government is the sole defendant after reconsideration. */
public enum SuedAct {
    /** 对原行政行为提起诉讼. */
    ORIGINAL,
    /** 对复议行为提起诉讼. */
    RECONSIDERATION
}
