package cn.shapotou.litigation.deadlines;

/** The deadlines of a case (src/docs/deadlines.md, 四、案件的期限): length, what starts them, and their source. */
public enum DeadlineKind {
    FORWARD_NOTICE("forwardNotice", "转送区司法局", 0, PeriodUnit.DAYS,
            "《沙坡头区人民政府行政应诉工作办法》第十条第一款：区人民政府办公室收到应诉通知书后立即转送区司法局"),
    STATUTORY_ANSWER("statutoryAnswer", "法定答辩期限（向法院提交答辩状及证据）", 15, PeriodUnit.DAYS,
            "《中华人民共和国行政诉讼法》第六十七条第一款：被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状；"
                    + "逾期提供证据的，视为没有相应证据（第三十四条第二款）"),
    /** Keeps the key of the answer it replaces in a reconsideration case, so the case's tasks and timers find it. */
    RECONSIDERATION_ANSWER("statutoryAnswer", "法定答复期限（向复议机关提出书面答复及证据）", 10, PeriodUnit.WORKING_DAYS,
            "《中华人民共和国行政复议法》（2023年修订）第四十八条：被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，"
                    + "提出书面答复，并提交作出行政行为的证据、依据和其他有关材料；第八十八条第二款：本法关于行政复议期间有关“三日”、“五日”、“七日”、"
                    + "“十日”的规定是指工作日，不含法定休假日（《沙坡头区人民政府行政应诉工作办法》第二十五条参照执行）"),
    ANSWER_MATERIALS("answerMaterials", "准备答辩材料（内部期限）", 7, PeriodUnit.DAYS,
            "《沙坡头区人民政府行政应诉工作办法》第十条第二款：应诉事务承办单位收到批示件后7日内准备答辩材料"),
    SECOND_INSTANCE_ANSWER("secondInstanceAnswer", "第二审法定答辩期限（向法院提交答辩状）", 15, PeriodUnit.DAYS,
            "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号）第一百零八条第一款：原审人民法院收到上诉状，"
                    + "应当在五日内将上诉状副本发送其他当事人，对方当事人应当在收到上诉状副本之日起十五日内提出答辩状"),
    APPEAL_OPINION("appealOpinion", "报送上诉意见", 5, PeriodUnit.DAYS,
            "《沙坡头区人民政府行政应诉工作办法》第十三条第一款：收到判决书或者裁定书之日起5日内将上诉意见报送区司法局"),
    APPEAL_JUDGMENT("appealJudgment", "对判决提起上诉（法定期限）", 15, PeriodUnit.DAYS,
            "《中华人民共和国行政诉讼法》第八十五条：不服判决的，有权在判决书送达之日起十五日内提起上诉"),
    APPEAL_RULING("appealRuling", "对裁定提起上诉（法定期限）", 10, PeriodUnit.DAYS,
            "《中华人民共和国行政诉讼法》第八十五条：不服裁定的，有权在裁定书送达之日起十日内提起上诉"),
    LOSS_ANALYSIS("lossAnalysis", "提交败诉分析报告", 15, PeriodUnit.DAYS,
            "《沙坡头区人民政府行政应诉工作办法》第十二条第一款：败诉法律文书生效后15日内提交败诉分析报告"),
    FOLLOW_UP("followUp", "报告生效裁判后续事项（内部期限）", 15, PeriodUnit.DAYS,
            "《沙坡头区人民政府行政应诉工作办法》第十五条、第十六条（再审、强制执行须在法定期限内提出）、第二十二条第（四）项（履行生效裁判）："
                    + "裁判生效后15日内报告本机关履行情况及是否申请再审、申请强制执行，与第十二条败诉分析报告期限一致，且不晚于申请再审期限"),
    RETRIAL("retrial", "申请再审（法定期限）", 6, PeriodUnit.MONTHS,
            "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号）第一百一十条：判决、裁定发生法律效力后六个月内提出"),
    ENFORCEMENT("enforcement", "申请强制执行（法定期限）", 2, PeriodUnit.YEARS,
            "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号）第一百五十三条：申请执行的期限为二年，从法律文书规定的履行期间最后一日起计算");

    private final String key;
    private final String label;
    private final int amount;
    private final PeriodUnit unit;
    private final String basis;

    DeadlineKind(String key, String label, int amount, PeriodUnit unit, String basis) {
        this.key = key;
        this.label = label;
        this.amount = amount;
        this.unit = unit;
        this.basis = basis;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public int amount() {
        return amount;
    }

    public PeriodUnit unit() {
        return unit;
    }

    public String basis() {
        return basis;
    }

    /** The kind an entry of the case's deadlines was computed as: its {@code kind} where stored, else its key. */
    public static DeadlineKind of(java.util.Map<String, Object> entry) {
        Object kind = entry.get("kind");
        return kind instanceof String name ? valueOf(name) : ofKey((String) entry.get("key"));
    }

    public static DeadlineKind ofKey(String key) {
        for (DeadlineKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown deadline: " + key);
    }
}
