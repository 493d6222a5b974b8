package cn.shapotou.litigation.accountability;

/**
 * The facts behind the accountability grounds of Art. 22 that the system can see happen. Interfering with the court
 * (Art. 22 (1)) is not something a form records; it stays with the Justice Bureau's own inquiries.
 */
public enum AccountabilityFact {
    HEAD_ABSENT_WHEN_REQUIRED("应当出庭的负责人未出庭", "第七条第二款、第二十二条第（三）项"),
    ONLY_LAWYERS("负责人不出庭且仅委托律师出庭", "第八条第一款、第二十二条第（三）项"),
    LEFT_WITHOUT_PERMISSION("出庭人员未经法庭许可中途退庭", "第二十二条第（二）项"),
    LATE_ANSWER("逾期向人民法院提交答辩状及证据", "行政诉讼法第六十七条、第三十四条第二款；第二十二条第（六）项"),
    REFUSED_TO_PERFORM("拒不履行已经发生法律效力的判决、裁定", "第二十二条第（四）项"),
    LOSS_BY_FAULT("因故意或者重大过失导致败诉", "第二十二条第（五）项");

    private final String label;
    private final String basis;

    AccountabilityFact(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    public String basis() {
        return basis;
    }
}
