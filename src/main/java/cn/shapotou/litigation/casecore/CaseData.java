package cn.shapotou.litigation.casecore;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/** The validated case data (README「走一件案子」, step 1), as the start of {@code litigation-case} receives it. */
public record CaseData(
        String caseNumber,
        String court,
        String plaintiff,
        String causeOfAction,
        LocalDate noticeReceivedOn,
        String defendant,
        String actingUnit,
        Reconsideration reconsideration,
        SuedAct suedAct,
        List<Integer> appearanceCategories,
        CaseType caseType) {

    /** Process variables: dates as ISO strings (as Camunda Forms submit them), the categories as a JSON array. */
    public Map<String, Object> toVariables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("caseNumber", caseNumber);
        vars.put("court", court);
        vars.put("plaintiff", plaintiff);
        vars.put("causeOfAction", causeOfAction);
        vars.put("noticeReceivedOn", noticeReceivedOn.toString());
        vars.put("defendant", defendant);
        vars.put("actingUnit", actingUnit);
        vars.put("reconsideration", reconsideration.name());
        vars.put("suedAct", suedAct == null ? null : suedAct.name());
        vars.put("caseType", caseType.name());
        vars.put("appearanceCategories", SpinValues.jsonValue(appearanceCategories.toString()).create());
        return vars;
    }
}
