package cn.shapotou.litigation.appearance;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Art. 7: whether an agency head (正职 or 副职) must appear in court. Any item of Art. 7 ¶2 that applies makes the
 * appearance required; item 7 is the head's own judgment and binds as soon as it is recorded.
 */
public final class HeadAppearanceRule {

    public record Result(boolean required, String basis) {}

    public Result decide(Collection<AppearanceCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return new Result(false, "不属于第七条第二款所列情形，负责人依法出庭应诉（第七条第一款）");
        }
        String basis = categories.stream().sorted().distinct()
                .map(c -> c.citation() + "（" + c.label() + "）")
                .collect(Collectors.joining("；"));
        return new Result(true, "属于" + basis + "，行政机关负责人非因正当理由不得拒绝出庭应诉");
    }
}
