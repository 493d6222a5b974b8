package cn.shapotou.litigation.accountability;

import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The accountability facts of cases as one list each: those the case's own stages recorded (variable
 * {@value AccountabilityFacts#VARIABLE}) and those recorded beside it — by the Justice Bureau
 * ({@link AccountabilityRecord}) and by a decision to recover state compensation ({@link CompensationRecovery}). Every
 * entry has the same keys: fact, label, basis, detail, unit, supervisor, directlyResponsible, recordedOn.
 */
@Service
public class RecordedFacts {

    private static final List<String> RECORD_VARIABLES = List.of("fact", "detail", "unit", "supervisor",
            "directlyResponsible", "recordedOn", "occurredOn");
    private static final List<String> RECOVERY_VARIABLES = List.of("recoveryProposal", "recoveryApproved",
            "recoveryPersons", "recoveryAmount", "compensationPaid", "recoveryReason", "recoveryDecidedOn", "unit");

    private final HistoryService history;

    public RecordedFacts(HistoryService history) {
        this.history = history;
    }

    /** One case's facts, its own list first. */
    public List<Map<String, Object>> of(String caseNumber, Object caseFacts) {
        List<Map<String, Object>> facts = own(caseFacts);
        facts.addAll(besideCases(caseNumber).getOrDefault(caseNumber, List.of()));
        return facts;
    }

    /** The facts recorded beside the cases, by case number (all cases when {@code caseNumber} is null). */
    public Map<String, List<Map<String, Object>>> besideCases(String caseNumber) {
        Map<String, List<Map<String, Object>>> byCase = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> record : ended(AccountabilityRecord.PROCESS, caseNumber,
                RECORD_VARIABLES).entrySet()) {
            Map<String, Object> v = record.getValue();
            if (v.get("fact") == null) {
                continue;
            }
            AccountabilityFact fact = AccountabilityFact.valueOf(String.valueOf(v.get("fact")));
            byCase.computeIfAbsent(record.getKey().split("\\|")[0], k -> new ArrayList<>()).add(entry(fact,
                    "发生日期 " + v.get("occurredOn") + "：" + v.get("detail"), v.get("unit"), v.get("supervisor"),
                    v.get("directlyResponsible"), v.get("recordedOn")));
        }
        for (Map.Entry<String, Map<String, Object>> record : ended(CompensationRecovery.PROCESS, caseNumber,
                RECOVERY_VARIABLES).entrySet()) {
            Map<String, Object> v = record.getValue();
            if (!"RECOVER".equals(v.get("recoveryProposal"))
                    || !Boolean.TRUE.equals(FormValues.bool(v.get("recoveryApproved")))) {
                continue;
            }
            byCase.computeIfAbsent(record.getKey().split("\\|")[0], k -> new ArrayList<>()).add(entry(
                    AccountabilityFact.STATE_COMPENSATION, "已支付赔偿 " + v.get("compensationPaid") + " 元，责令承担 "
                            + v.get("recoveryAmount") + " 元：" + v.get("recoveryReason"), v.get("unit"), null,
                    v.get("recoveryPersons"), v.get("recoveryDecidedOn")));
        }
        return byCase;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> own(Object caseFacts) {
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Object f : FormValues.list(caseFacts)) {
            if (f instanceof Map<?, ?> m) {
                facts.add((Map<String, Object>) m);
            }
        }
        return facts;
    }

    private static Map<String, Object> entry(AccountabilityFact fact, String detail, Object unit, Object supervisor,
                                             Object responsible, Object recordedOn) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fact", fact.name());
        entry.put("label", fact.label());
        entry.put("basis", fact.basis());
        entry.put("detail", detail);
        entry.put("unit", unit);
        entry.put("supervisor", supervisor);
        entry.put("directlyResponsible", responsible);
        entry.put("recordedOn", recordedOn);
        return entry;
    }

    /** Ended instances of a process with their variables, keyed "caseNumber|instanceId". */
    private Map<String, Map<String, Object>> ended(String process, String caseNumber, List<String> names) {
        var query = history.createHistoricProcessInstanceQuery().processDefinitionKey(process).finished();
        if (caseNumber != null) {
            query.processInstanceBusinessKey(caseNumber);
        }
        List<HistoricProcessInstance> instances = query.list();
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (instances.isEmpty()) {
            return result;
        }
        Map<String, String> keys = new HashMap<>();
        instances.forEach(i -> keys.put(i.getId(), i.getBusinessKey() + "|" + i.getId()));
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(keys.keySet().toArray(String[]::new)).variableNameIn(names.toArray(String[]::new))
                .disableCustomObjectDeserialization().list()) {
            result.computeIfAbsent(keys.get(v.getProcessInstanceId()), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        keys.values().forEach(k -> result.computeIfAbsent(k, x -> new HashMap<>()));
        return result;
    }
}
