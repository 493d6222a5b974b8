package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.web.FormValues;
import cn.shapotou.litigation.appearance.AgentFields;
import cn.shapotou.litigation.cases.CaseAccess;
import cn.shapotou.litigation.deadlines.CaseDeadlineVariable;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The 7-day answer (Art. 10 ¶2): starts the internal deadline from the day the approved notice reached the handling
 * unit, lists the units that prepare a part (the lead unit, and co-units such as the Justice Bureau for the
 * reconsideration part, Art. 4), and keeps each unit's materials so that a returned answer comes back filled in.
 */
@Component("answerStage")
public class AnswerStage implements ExecutionListener {

    /** The form fields of 准备答辩材料 (Art. 6): the answer materials, the certificate's and the attorney's data. */
    public static final List<String> FIELDS = List.of("draftDefence", "evidenceList", "normativeDocuments",
            "otherMaterials", "legalRepresentativeName", "legalRepresentativePost", "pretrialReviewRequested");

    /** Stage variable: the key of the case deadline the answer's review, pre-trial review and sealing are due by. */
    public static final String ANSWER_DEADLINE = "answerDeadline";

    private final Deadlines deadlines;
    private final LegalClock clock;
    private final CaseAccess access;
    private final UnitDirectory directory;

    public AnswerStage(Deadlines deadlines, LegalClock clock, CaseAccess access, UnitDirectory directory) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.access = access;
        this.directory = directory;
    }

    /**
     * Create listener of 准备答辩材料: the form's fields become variables of this unit's own execution, filled with
     * what the unit submitted last round (a returned answer is corrected, not typed again); the submission then lands
     * there and not in the variables of another unit working in parallel.
     */
    public void prefill(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String unit = (String) execution.getVariable("answerUnit");
        Map<String, Object> previous = materialsOf(execution, unit);
        for (String field : FIELDS) {
            execution.setVariableLocal(field, previous.get(field));
        }
        execution.setVariableLocal("agents", null);
        AgentFields.prefill(execution, AnswerMaterials.agentsOf(previous));
        execution.setVariableLocal("answerUnitName", directory.nameOf(unit));
    }

    /** Start listener of answer-preparation. */
    @Override
    public void notify(DelegateExecution execution) {
        // First instance: from the approved notice (Art. 10 ¶2); a second instance or retrial: from the day it began.
        Object startsOn = execution.getVariable("answerStartsOn");
        Object approvedOn = startsOn instanceof String ? startsOn : execution.getVariable("approvedOn");
        LocalDate received = approvedOn instanceof String s ? LocalDate.parse(s) : clock.today();
        List<Map<String, Object>> caseDeadlines = CaseDeadlineVariable.read(execution);
        String statutory = statutoryAnswerOf(execution.getVariable("courtInstance"), caseDeadlines);
        List<Map<String, Object>> list = CaseDeadlineVariable.put(caseDeadlines,
                deadlines.computeServing(DeadlineKind.ANSWER_MATERIALS, received, caseDeadlines, statutory));
        CaseDeadlineVariable.write(execution, list);
        // Review, pre-trial review and sealing are due by the statutory day; an instance without one by the internal day.
        execution.setVariable(ANSWER_DEADLINE, statutory != null ? statutory : DeadlineKind.ANSWER_MATERIALS.key());
        List<String> units = new ArrayList<>();
        units.add((String) execution.getVariable("leadUnit"));
        for (String co : CaseAccess.unitList(execution.getVariable("coUnits"))) {
            if (!units.contains(co)) {
                units.add(co);
            }
        }
        execution.setVariable("answerUnits", FormValues.toJson(units));
        execution.setVariable("answerRound", 1);
        if (execution.getVariable(AnswerMaterials.VARIABLE) == null) {
            execution.setVariable(AnswerMaterials.VARIABLE, FormValues.toJson(Map.of()));
        }
        access.grantToParticipants(execution);
    }

    /**
     * The statutory answer deadline this instance's answer serves, or null: the first instance's (ALL Art. 67, or
     * 行政复议法 Art. 48 for a reconsideration reply); in a second instance the other party appealed, the fifteen days
     * from its appeal copy (法释〔2018〕1号 Art. 108); none when only we appealed or in a retrial. A later instance never
     * inherits the first instance's day.
     */
    static String statutoryAnswerOf(Object courtInstance, List<Map<String, Object>> caseDeadlines) {
        if (courtInstance == null || "FIRST".equals(courtInstance)) {
            return DeadlineKind.STATUTORY_ANSWER.key();
        }
        if ("SECOND".equals(courtInstance)
                && CaseDeadlineVariable.find(caseDeadlines, DeadlineKind.SECOND_INSTANCE_ANSWER.key()).isPresent()) {
            return DeadlineKind.SECOND_INSTANCE_ANSWER.key();
        }
        return null;
    }

    /** The units for the multi-instance task, as a Java list. */
    public List<String> units(DelegateExecution execution) {
        Object units = FormValues.json(execution.getVariable("answerUnits"));
        return units instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** Create listener of 准备答辩材料: the assigned government legal counsel helps prepare it (Art. 5). */
    public void involveCounsel(DelegateTask task) {
        Object counsel = task.getVariable("counsel");
        if (counsel instanceof String user && !user.isBlank()) {
            task.addCandidateUser(user);
        }
    }

    static Map<String, Map<String, Object>> materials(DelegateExecution execution) {
        return AnswerMaterials.parse(execution.getVariable(AnswerMaterials.VARIABLE));
    }

    static Map<String, Object> materialsOf(DelegateExecution execution, String unit) {
        return materials(execution).getOrDefault(unit, Map.of());
    }
}
