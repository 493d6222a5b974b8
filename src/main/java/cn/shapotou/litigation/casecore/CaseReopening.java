package cn.shapotou.litigation.casecore;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An archived case that the court or the other party brings back (a retrial, ALL Art. 90–93; an enforcement the other
 * party's refusal makes necessary, regulation Art. 16) continues as a new instance of {@code litigation-case} under the
 * same case number, started at the step the case now needs and carrying the case's data, so the case keeps one home
 * for its data and one number in the register; the archived instance stays in the history.
 */
@Component
public class CaseReopening {

    static final String CASE_PROCESS = "litigation-case";
    /** The archive's own record belongs to the archive that is reopened, not to the case going on. */
    private static final Set<String> ARCHIVE_VARIABLES = Set.of("closedOn", "archiveNumber", "archivedOn",
            "archiveNotes");

    private final RuntimeService runtime;
    private final CaseView cases;
    private final CaseRegistry registry;
    private final CaseAccess access;

    public CaseReopening(RuntimeService runtime, CaseView cases, CaseRegistry registry, CaseAccess access) {
        this.runtime = runtime;
        this.cases = cases;
        this.registry = registry;
        this.access = access;
    }

    /** The archived case's own variables, as they were when it was archived. */
    public Map<String, Object> archivedVariables(String caseNumber) {
        return cases.historicCaseVariables(registry.processInstanceId(caseNumber).orElseThrow());
    }

    /** Reopens the archived case before {@code activityId}, with {@code changes} on top of its data; its new instance id. */
    public String reopen(String caseNumber, String activityId, Map<String, Object> changes) {
        String archived = registry.processInstanceId(caseNumber).orElseThrow();
        Map<String, Object> variables = archivedVariables(caseNumber);
        variables.keySet().removeAll(ARCHIVE_VARIABLES);
        variables.put("reopenedFrom", archived);
        variables.putAll(changes);
        ProcessInstance reopened = runtime.createProcessInstanceByKey(CASE_PROCESS).businessKey(caseNumber)
                .setVariables(variables).startBeforeActivity(activityId).execute();
        registry.reopen(caseNumber, reopened.getId());
        access.grantToParticipants(reopened.getId(), variables);
        registry.units(caseNumber, plain(variables));
        return reopened.getId();
    }

    /** Typed values as plain ones, JSON as its text, as the participants rule reads them. */
    private static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> plain = new java.util.HashMap<>();
        variables.forEach((k, v) -> plain.put(k, v instanceof org.camunda.spin.plugin.variable.value.JsonValue j
                ? j.getValueSerialized() : v instanceof org.camunda.bpm.engine.variable.value.TypedValue t
                ? t.getValue() : v));
        return plain;
    }

    /** The case's open instance, or null when it is archived. */
    public String runningInstance(String caseNumber) {
        return registry.processInstanceId(caseNumber)
                .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0).orElse(null);
    }
}
