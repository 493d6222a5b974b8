package cn.shapotou.litigation.appearance;

/**
 * Why an agency head cannot appear in court: the four cases of 法释〔2020〕3号（最高人民法院关于行政机关负责人出庭应诉
 * 若干问题的规定）第八条. Any other absence is one "without good reason" (第七条第二款, 第二十二条第（三）项).
 */
public enum AbsenceReason {
    FORCE_MAJEURE(1, "不可抗力"),
    ACCIDENT(2, "意外事件"),
    OFFICIAL_DUTY(3, "需要履行他人不能代替的公务"),
    OTHER(4, "无法出庭的其他正当事由");

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四"};

    private final int item;
    private final String label;

    AbsenceReason(int item, String label) {
        this.item = item;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** e.g. 《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第八条第（三）项. */
    public String citation() {
        return "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第八条第（" + CHINESE_NUMERALS[item - 1] + "）项";
    }

    /** The reason a form or client named, or null for none or an unknown one. */
    public static AbsenceReason parse(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        for (AbsenceReason reason : values()) {
            if (reason.name().equals(s.strip())) {
                return reason;
            }
        }
        return null;
    }
}
