package cn.shapotou.litigation.casecore;

import cn.shapotou.litigation.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A case's variables as the engine holds them, open or closed, and who may see them: what every stage reads of the
 * case. {@code GET /api/cases/{caseNumber}} shows them as CaseDetails renders them (README「接口」).
 */
@Component
public class CaseView {

    public static final String CASE_PROCESS = "litigation-case";

    private final CaseRegistry registry;
    private final RuntimeService runtime;
    private final HistoryService history;

    public CaseView(CaseRegistry registry, RuntimeService runtime, HistoryService history) {
        this.registry = registry;
        this.runtime = runtime;
        this.history = history;
    }

    /** The own variables of a case instance that has ended, typed as they were stored (an archive reopens with them). */
    public Map<String, Object> historicCaseVariables(String instanceId) {
        Map<String, Object> vars = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .disableCustomObjectDeserialization().list()) {
            if (instanceId.equals(v.getActivityInstanceId()) || v.getExecutionId().equals(instanceId)) {
                vars.put(v.getName(), v.getTypedValue());
            }
        }
        return vars;
    }

    /** The case's own variables (of its {@code litigation-case} instance), from runtime or, once closed, history. */
    public Optional<Map<String, Object>> caseVariables(String caseNumber) {
        Optional<String> instanceId = registry.processInstanceId(caseNumber);
        if (instanceId.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> vars = new HashMap<>();
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(instanceId.get()).singleResult();
        if (running != null) {
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instanceId.get())
                    .disableCustomObjectDeserialization().list()) {
                if (v.getExecutionId().equals(instanceId.get())) {
                    vars.put(v.getName(), v.getTypedValue());
                }
            }
            vars.put("__status", "OPEN");
        } else {
            vars.putAll(historicCaseVariables(instanceId.get()));
            vars.put("__status", "CLOSED");
        }
        // JSON variables as their JSON text, everything else as its plain value.
        Map<String, Object> plain = new HashMap<>();
        vars.forEach((k, v) -> plain.put(k, v instanceof JsonValue j ? j.getValueSerialized()
                : v instanceof TypedValue t ? t.getValue() : v));
        return Optional.of(plain);
    }

    /**
     * The case's variables for a caller with these groups; 404 for an unknown case and for one the caller may not see,
     * so that nobody learns a case exists (README「接口」).
     */
    public Map<String, Object> visibleTo(String caseNumber, List<String> groups) {
        return caseVariables(caseNumber).filter(v -> CaseAccess.maySee(groups, v))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "caseNumber",
                        "没有案号为 " + caseNumber + " 的案件，或您无权查看"));
    }

    /**
     * A variable of the case as its newest holder has it: an open stage's copy first (work in progress there), then
     * the case's own instance, then history. JSON as text.
     */
    public Object latestVariable(String caseNumber, String name) {
        List<String> open = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .map(ProcessInstance::getId).toList();
        if (!open.isEmpty()) {
            List<VariableInstance> found = runtime.createVariableInstanceQuery().variableName(name)
                    .processInstanceIdIn(open.toArray(String[]::new)).disableCustomObjectDeserialization().list();
            String root = registry.processInstanceId(caseNumber).orElse(null);
            VariableInstance best = found.stream().filter(v -> !v.getProcessInstanceId().equals(root)).findFirst()
                    .orElse(found.stream().findFirst().orElse(null));
            if (best != null) {
                return best.getTypedValue() instanceof JsonValue j ? j.getValueSerialized() : best.getValue();
            }
        }
        // Newest first: of two stages that kept the variable (a second hearing's plan), the later one's copy.
        List<String> all = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().desc().list().stream().map(h -> h.getId()).toList();
        if (all.isEmpty()) {
            return null;
        }
        Map<String, Object> byInstance = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName(name)
                .processInstanceIdIn(all.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
            byInstance.putIfAbsent(v.getProcessInstanceId(),
                    v.getTypedValue() instanceof JsonValue j ? j.getValueSerialized() : v.getValue());
        }
        return all.stream().map(byInstance::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
