package cn.shapotou.litigation.casecore;

/** Whether and how the contested act went through administrative reconsideration. */
public enum Reconsideration {
    /** 未经复议. */
    NONE,
    /** 经区人民政府本级复议并作出维持决定，区人民政府为共同被告. */
    UPHELD,
    /** 经复议区人民政府为单独被告. */
    SOLE_DEFENDANT
}
