package cn.shapotou.litigation.responsibility;

import cn.shapotou.litigation.appearance.AppearanceCategory;
import cn.shapotou.litigation.appearance.HeadAppearanceRule;
import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.Reconsideration;
import cn.shapotou.litigation.casecore.SuedAct;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Applies Art. 4 (who handles the case) and Art. 7 (must a head appear) to the registered case data, and writes
 * the results as case variables every later stage reads.
 */
@Component("determineResponsibleUnit")
public class DetermineResponsibleUnit implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnitDirectory units;
    private final LegalClock clock;
    private final CaseAccess access;

    private final cn.shapotou.litigation.casecore.CaseRegistry registry;

    public DetermineResponsibleUnit(UnitDirectory units, LegalClock clock, CaseAccess access,
                                    cn.shapotou.litigation.casecore.CaseRegistry registry) {
        this.registry = registry;
        this.units = units;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        String suedAct = (String) execution.getVariable("suedAct");
        ResponsibilityDecision decision = new ResponsibilityRule(units).decide(
                (String) execution.getVariable("defendant"),
                (String) execution.getVariable("actingUnit"),
                Reconsideration.valueOf((String) execution.getVariable("reconsideration")),
                suedAct == null ? null : SuedAct.valueOf(suedAct),
                clock.today());
        execution.setVariable("leadUnit", decision.leadUnit());
        execution.setVariable("leadUnitName", decision.unclear() ? "（待确定）" : units.nameOf(decision.leadUnit()));
        execution.setVariable("coUnits", SpinValues.jsonValue(JSON.writeValueAsString(decision.coUnits())).create());
        execution.setVariable("responsibilityBasis", decision.basis());
        execution.setVariable("responsibilityExplanation", decision.explanation());

        Object raw = execution.getVariable("appearanceCategories");
        List<Integer> items = raw == null ? List.of() : JSON.readValue(raw.toString(), JSON.getTypeFactory()
                .constructCollectionType(List.class, Integer.class));
        HeadAppearanceRule.Result head = new HeadAppearanceRule().decide(
                items.stream().map(AppearanceCategory::ofItem).toList());
        execution.setVariable("headAppearanceRequired", Variables.booleanValue(head.required()));
        execution.setVariable("headAppearanceBasis", head.basis());

        access.grantToParticipants(execution);
        // The case register lists the case for the units determined here (Art. 4) until the approved handling
        // proposal (Art. 10 ¶1) settles them.
        registry.units(execution.getProcessBusinessKey(), execution.getVariables());
    }
}
