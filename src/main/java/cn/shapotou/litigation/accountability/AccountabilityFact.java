package cn.shapotou.litigation.accountability;

/**
 * The facts behind the accountability grounds of Art. 22 (and the recovery of Art. 23) that the system can see happen
 * or that the Justice Bureau records. Each names the article it rests on.
 */
public enum AccountabilityFact {
    INTERFERENCE("干预、阻碍人民法院依法受理和审理行政诉讼案件", "第二十二条第（一）项"),
    LEFT_WITHOUT_PERMISSION("出庭人员未经法庭许可中途退庭", "第二十二条第（二）项"),
    ABSENT_WITHOUT_REASON("诉讼代理人无正当理由拒不到庭", "第九条第一款、第二十二条第（二）项"),
    HEAD_ABSENT_WHEN_REQUIRED("应当出庭的负责人无正当理由未出庭", "第七条第二款、第二十二条第（三）项"),
    HEAD_ABSENT_WITHOUT_REASON("负责人不出庭且无经批准的正当理由", "第八条第一款、第二十二条第（三）项"),
    ONLY_LAWYERS("负责人不出庭且仅委托律师出庭", "第八条第一款、第二十二条第（三）项"),
    REFUSED_TO_PERFORM("拒不履行已经发生法律效力的判决、裁定", "第二十二条第（四）项"),
    LOSS_BY_FAULT("因故意或者重大过失导致败诉", "第二十二条第（五）项"),
    LATE_ANSWER("逾期向人民法院提交答辩状及证据", "行政诉讼法第六十七条、第三十四条第二款；第二十二条第（六）项"),
    NO_ANSWER_FILED("法定答辩期限届满未提交答辩状及证据", "行政诉讼法第六十七条、第三十四条第二款；第二十二条第（六）项"),
    APPEAL_OPINION_LATE("未在收到裁判文书之日起5日内报送上诉意见", "第十三条第一款、第二十二条第（六）项"),
    LOSS_ANALYSIS_LATE("未在败诉法律文书生效后15日内提交败诉分析报告", "第十二条第一款、第二十二条第（六）项"),
    STATE_COMPENSATION("因故意或失职导致国家赔偿，责令承担赔偿费用", "第二十三条"),
    OTHER("其他依法应当追究责任的情形", "第二十二条第（六）项");

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
