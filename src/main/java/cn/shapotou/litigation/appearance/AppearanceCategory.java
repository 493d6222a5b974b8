package cn.shapotou.litigation.appearance;

/** The items of Art. 7 ¶2: first-instance cases in which an agency head may not refuse to appear without good reason. */
public enum AppearanceCategory {
    JOINT_OR_GROUP_SUIT(1, "涉及共同诉讼、集团诉讼的案件"),
    NATURAL_RESOURCE_OWNERSHIP(2, "就自然资源权属争议作出处理决定的案件"),
    EXPROPRIATION_COMPENSATION(3, "涉及面较广的农村集体土地或国有土地上房屋征收补偿案件"),
    DEATH_OR_DISABILITY_COMPENSATION(4, "因行政行为造成公民死亡或全部丧失劳动能力的行政赔偿案件"),
    BUSINESS_CLOSURE_OR_LIVELIHOOD(5, "因撤销、吊销行政许可或其他行政行为导致企业停产停业关闭或者公民丧失生活主要经济来源而引发的案件"),
    MAJOR_ENFORCEMENT_IMPACT(6, "对本级行政机关行政执法活动可能产生重大影响的案件"),
    HEAD_DEEMS_NECESSARY(7, "行政机关负责人认为需要出庭应诉的其他行政诉讼案件");

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六", "七"};

    private final int item;
    private final String label;

    AppearanceCategory(int item, String label) {
        this.item = item;
        this.label = label;
    }

    public int item() {
        return item;
    }

    public String label() {
        return label;
    }

    /** The citation, e.g. 第七条第二款第（一）项. */
    public String citation() {
        return "第七条第二款第（" + CHINESE_NUMERALS[item - 1] + "）项";
    }

    public static AppearanceCategory ofItem(int item) {
        for (AppearanceCategory c : values()) {
            if (c.item == item) {
                return c;
            }
        }
        throw new IllegalArgumentException("Art. 7 has no item " + item);
    }
}
