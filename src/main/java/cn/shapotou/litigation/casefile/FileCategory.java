package cn.shapotou.litigation.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a paper of the case is, in the order a dossier files them (Art. 18 立卷归档): first what started the case, then
 * the answer (Art. 6), the hearing, the court's decisions and what followed them (Art. 12, 13, 17).
 */
public enum FileCategory {
    COMPLAINT("起诉状副本"),
    NOTICE("应诉通知书"),
    DEFENCE("答辩状"),
    EVIDENCE("证据"),
    NORMATIVE("规范性文件依据"),
    POWER_OF_ATTORNEY("授权委托书"),
    IDENTITY("身份证明"),
    HEARING("庭审材料"),
    COURT_DECISION("裁判文书"),
    APPEAL("上诉材料"),
    LOSS_ANALYSIS("败诉分析报告"),
    RECOMMENDATION("司法建议及回复"),
    OTHER("其他");

    private final String label;

    FileCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FileCategory> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
