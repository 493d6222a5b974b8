package cn.shapotou.litigation.accountability;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Records an Art. 22 fact on the case itself (the {@code litigation-case} instance at the top of the call chain), so
 * that every stage, first or second instance, adds to one list a report can read: variable {@code accountabilityFacts},
 * a JSON array of {@code {fact, label, basis, detail, recordedOn}}.
 */
public final class AccountabilityFacts {

    public static final String VARIABLE = "accountabilityFacts";

    private AccountabilityFacts() {}

    public static void record(DelegateExecution execution, AccountabilityFact fact, String detail) {
        DelegateExecution theCase = caseOf(execution);
        List<Object> facts = new ArrayList<>(FormValues.list(theCase.getVariable(VARIABLE)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fact", fact.name());
        entry.put("label", fact.label());
        entry.put("basis", fact.basis());
        entry.put("detail", detail);
        entry.put("recordedOn", LegalClock.dateOf(ClockUtil.getCurrentTime()).toString());
        facts.add(entry);
        theCase.setVariable(VARIABLE, FormValues.toJson(facts));
    }

    /** The case's own process instance: the top of the chain of call activities. */
    public static DelegateExecution caseOf(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }
}
