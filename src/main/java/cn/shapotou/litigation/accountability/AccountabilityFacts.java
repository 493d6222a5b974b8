package cn.shapotou.litigation.accountability;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Records an Art. 22 fact on the case itself (the {@code litigation-case} instance at the top of the call chain), so
 * that every stage, first or second instance, adds to one list a report can read: variable {@code accountabilityFacts},
 * a JSON array of {@code {fact, label, basis, detail, unit, supervisor, directlyResponsible, recordedOn}}. Art. 22 holds
 * the agency's 主管人员 and 直接责任人员 to account: where a form knows them, they are named with the fact.
 */
public final class AccountabilityFacts {

    public static final String VARIABLE = "accountabilityFacts";

    /** The persons concerned (Art. 22): either may be unknown (null). */
    public record Persons(String supervisor, String directlyResponsible) {
        public static final Persons UNKNOWN = new Persons(null, null);
    }

    private AccountabilityFacts() {}

    public static void record(DelegateExecution execution, AccountabilityFact fact, String detail) {
        record(execution, fact, detail, Persons.UNKNOWN);
    }

    public static void record(DelegateExecution execution, AccountabilityFact fact, String detail, Persons persons) {
        DelegateExecution theCase = caseOf(execution);
        List<Object> facts = new ArrayList<>(FormValues.list(theCase.getVariable(VARIABLE)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fact", fact.name());
        entry.put("label", fact.label());
        entry.put("basis", fact.basis());
        entry.put("detail", detail);
        entry.put("unit", theCase.getVariable("leadUnit"));
        entry.put("supervisor", blankToNull(persons.supervisor()));
        entry.put("directlyResponsible", blankToNull(persons.directlyResponsible()));
        entry.put("recordedOn", LegalClock.dateOf(EngineClock.now()).toString());
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
