package cn.shapotou.litigation.responsibility;

import java.util.List;

/**
 * Who handles a case (应诉事务承办单位): the lead unit (null when unclear), the co-handling units, the citation of the
 * article and paragraph ({@code 第四条第二款}) and the reasoning in Chinese.
 */
public record ResponsibilityDecision(String leadUnit, List<String> coUnits, String basis, String explanation) {

    public ResponsibilityDecision {
        coUnits = List.copyOf(coUnits);
    }

    public boolean unclear() {
        return leadUnit == null;
    }
}
