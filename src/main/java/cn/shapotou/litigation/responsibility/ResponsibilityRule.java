package cn.shapotou.litigation.responsibility;

import static cn.shapotou.litigation.units.UnitDirectory.DISTRICT_GOVERNMENT;
import static cn.shapotou.litigation.units.UnitDirectory.JUSTICE_BUREAU;

import cn.shapotou.litigation.casecore.Reconsideration;
import cn.shapotou.litigation.casecore.SuedAct;
import cn.shapotou.litigation.units.Unit;
import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Art. 4: 谁主管（作出）、谁负责、谁应诉 — which unit handles a case, and on which paragraph. Plain Java over the unit
 * directory, so that it is tested with tables of the regulation's own cases.
 */
public final class ResponsibilityRule {

    private final UnitDirectory units;

    public ResponsibilityRule(UnitDirectory units) {
        this.units = units;
    }

    /**
     * @param defendant      unit id of the defendant; null means the district government
     * @param actingUnit     unit id of the unit that made the contested act; null when unclear
     * @param reconsideration how the act was reconsidered
     * @param suedAct        with {@link Reconsideration#SOLE_DEFENDANT}: which act is sued
     * @param day            the day of the decision: abolished units are replaced as of that day
     */
    public ResponsibilityDecision decide(String defendant, String actingUnit, Reconsideration reconsideration,
                                         SuedAct suedAct, LocalDate day) {
        List<String> citations = new ArrayList<>();
        StringBuilder why = new StringBuilder();

        // Art. 25: a department or township sued in its own name handles its own case under this regulation.
        if (defendant != null && !DISTRICT_GOVERNMENT.equals(defendant)) {
            String lead = resolve(defendant, day, citations, why);
            citations.add(0, "第二十五条");
            why.insert(0, "被告为" + units.nameOf(defendant) + "，由被告单位自行承办应诉工作，参照本办法执行（第二十五条）。");
            why.append("应诉事务承办单位：").append(units.nameOf(lead)).append("。");
            return new ResponsibilityDecision(lead, List.of(), String.join("、", citations), why.toString());
        }

        // Art. 4 ¶6: with no known acting unit the Justice Bureau proposes one and the district government decides.
        if (actingUnit == null) {
            return new ResponsibilityDecision(null, List.of(), "第四条第六款",
                    "被诉行政行为应诉事务承办单位不明确，由区司法局根据诉讼事项提出建议，报区人民政府确定（第四条第六款）。");
        }

        String lead;
        List<String> co = new ArrayList<>();
        switch (reconsideration) {
            case NONE -> {
                citations.add("第四条第二款");
                why.append("未经复议的案件，由原行政行为主管（作出）单位承办（第四条第二款）。");
                lead = resolve(actingUnit, day, citations, why);
            }
            case UPHELD -> {
                citations.add("第四条第三款");
                citations.add("第四条第四款");
                why.append("经区人民政府本级复议维持、区人民政府为共同被告的案件，由原行政行为主管（作出）单位承办原行政行为部分并准备答辩材料，"
                        + "区司法局承办复议部分，共同承办（第四条第三款、第四款）。");
                lead = resolve(actingUnit, day, citations, why);
                co.add(JUSTICE_BUREAU);
            }
            case SOLE_DEFENDANT -> {
                if (suedAct == null) {
                    throw new IllegalArgumentException("suedAct is required when reconsideration is SOLE_DEFENDANT");
                }
                citations.add("第四条第五款");
                if (suedAct == SuedAct.RECONSIDERATION) {
                    why.append("经复议区人民政府为单独被告、对复议行为提起诉讼的案件，由区司法局承办（第四条第五款）。");
                    lead = JUSTICE_BUREAU;
                } else {
                    why.append("经复议区人民政府为单独被告、对原行政行为提起诉讼的案件，由原行政行为主管（作出）单位承办（第四条第五款）。");
                    lead = resolve(actingUnit, day, citations, why);
                }
            }
            default -> throw new IllegalArgumentException("unknown reconsideration " + reconsideration);
        }
        co.remove(lead);
        why.append("应诉事务承办单位：").append(units.nameOf(lead));
        if (!co.isEmpty()) {
            why.append("；共同承办：").append(co.stream().map(units::nameOf).collect(Collectors.joining("、")));
        }
        why.append("。");
        return new ResponsibilityDecision(lead, co, String.join("、", citations), why.toString());
    }

    /** Follows abolished units to their successors (Art. 4 ¶1), noting each step. */
    private String resolve(String unitId, LocalDate day, List<String> citations, StringBuilder why) {
        List<Unit> chain = units.successionChain(unitId, day);
        if (chain.size() > 1) {
            citations.add("第四条第一款");
            why.append(chain.stream().map(Unit::name).collect(Collectors.joining(" → ")))
                    .append("：承办单位被撤销的，由继续履行其职能以及承担其主要权利和义务的单位承办（第四条第一款）。");
        }
        return chain.get(chain.size() - 1).id();
    }
}
